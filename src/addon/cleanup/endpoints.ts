/** Sidebar endpoints of cleanup and undo (contract: src/core/api/cleanup.ts); the menu twins are ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { undoMessage } from '../change/pipeline';
import { applyCleanup as apply, previewCleanup as preview, undoWithRules } from './cleanup';

export const previewCleanup = serve('previewCleanup', (opts) => preview(userLocale(), opts?.off ?? []));

export const applyCleanup = serveChange('applyCleanup', (opts) => apply(userLocale(), opts.off, opts.fingerprint, undefined, opts.backup ?? false));

export const undoLastChange = serveChange('undoLastChange', (opts) => {
  const locale = userLocale();
  const out = undoWithRules(SpreadsheetApp.getActiveSpreadsheet(), locale, opts?.restoreRest ?? false);
  return { status: out.status, message: undoMessage(locale, out), cells: out.status === 'edited' ? out.cells : out.status === 'done' ? out.kept : [] };
});
