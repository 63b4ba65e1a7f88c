/**
 * A tiny DOM builder. Text always goes in as text nodes (textContent), never as markup: every value
 * that came from a cell is shown exactly as typed, `<script>` included (docs/ARCHITECTURE.md rule 5).
 */
export type Handler = (ev: Event) => void;
export type AttrValue = string | number | boolean | null | undefined | Handler;
export type Attrs = Record<string, AttrValue>;
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Properties set as DOM properties rather than attributes (their live state matters). */
const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (typeof value === 'function') {
        if (!name.startsWith('on')) throw new Error(`h: ${name} is not an event`);
        el.addEventListener(name.slice(2), value);
        continue;
      }
      // No inline handlers or script URLs from strings, ever.
      if (/^on/i.test(name)) throw new Error(`h: inline handler ${name}`);
      if ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(String(value))) throw new Error(`h: script URL in ${name}`);
      if (PROPS.has(name)) {
        (el as unknown as Record<string, unknown>)[name] = name === 'value' ? String(value) : Boolean(value);
        if (name !== 'value' && value === true) el.setAttribute(name, '');
      } else if (value === true) {
        el.setAttribute(name, '');
      } else {
        el.setAttribute(name === 'className' ? 'class' : name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c as readonly Child[]);
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c as Node);
  }
}

/** Removes every child of `el`. */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replaces the children of `el`. */
export function replaceChildren(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

let nextId = 0;
/** A unique id for label/input pairs. */
export function uid(prefix = 'cf'): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
