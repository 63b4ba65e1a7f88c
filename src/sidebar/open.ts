/**
 * Which panel the sidebar opens on: a menu action that leads to a panel ("Check all rows" to its
 * report) appends `<meta name="clientflow-open" content="<panel id>">` to the sidebar's HTML. Read
 * once; a panel asks `openedOn(id)` to know it was opened for that (and loads its content then).
 */
import { OPEN_META } from '../core/api/check';

let consumed = false;

export function openPanelHint(): string | null {
  return document.querySelector(`meta[name="${OPEN_META}"]`)?.getAttribute('content') ?? null;
}

/** True once, for the panel the sidebar was opened on. */
export function openedOn(panelId: string): boolean {
  if (consumed || openPanelHint() !== panelId) return false;
  consumed = true;
  return true;
}
