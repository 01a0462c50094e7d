import { localTime } from '../../contract/plain-language';

/** A tiny DOM builder: text always goes in as text (never as HTML). */
export type Child = Node | string | number | null | undefined | false | Child[];
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  const add = (c: Child) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else el.append(c instanceof Node ? c : String(c));
  };
  children.forEach(add);
  return el;
}

export function announce(message: string): void {
  const region = document.getElementById('announce');
  if (region) region.textContent = message;
}

/** The program's time zone, from the page shell (the reader's own where a page has none). */
export const programZone = (): string | undefined => document.documentElement.dataset.timeZone || undefined;

/** A time as people say it, in the program's zone: "Tue 3 Dec, 4:41 pm (Pacific)". */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  return localTime(iso, {
    timeZone: programZone(),
  });
}

/** The children a nested list of children holds, in order. */
function leavesOf(children: Child[]): Array<Exclude<Child, Child[]>> {
  return children.flatMap((c) => (Array.isArray(c) ? leavesOf(c) : [c]));
}

/** A page's content, rendered: every table in it labelled for phones (`labelled`). */
export function replaceChildren(id: string, ...children: Child[]): HTMLElement {
  const el = document.getElementById(id)!;
  el.replaceChildren();
  leavesOf(children).forEach(
    (c) => c !== null && c !== undefined && c !== false && el.append(c instanceof Node ? c : String(c)),
  );
  el.querySelectorAll('table').forEach(labelled);
  return el;
}

/**
 * Every table of the pages goes through here once rendered (`replaceChildren` does it): each cell is
 * labelled with its column's header (`data-label`), and a header row written without `<thead>` is put
 * in one. Under 600 px (app.css) each row is then a card of labelled values, never a row wider than
 * the phone.
 */
export function labelled<T extends HTMLTableElement>(table: T): T {
  const header =
    table.tHead?.rows[0] ??
    Array.from(table.rows).find((r) => r.cells.length > 0 && Array.from(r.cells).every((c) => c.tagName === 'TH'));
  if (!header) return table; // a record: each row names itself (<th scope="row">)
  if (!table.tHead) table.createTHead().append(header);
  const labels = Array.from(header.cells).flatMap((c) => Array<string>(c.colSpan).fill(c.textContent?.trim() ?? ''));
  for (const row of Array.from(table.rows)) {
    if (row.parentElement === table.tHead) continue;
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      if (cell.tagName === 'TD' && labels[column]) cell.dataset.label = labels[column];
      column += cell.colSpan;
    }
  }
  return table;
}

export { humanize } from '../../shared/humanize';

/**
 * An event handler that does asynchronous work: the page never leaves a failure unhandled — it is
 * announced to screen readers and shown, and logged.
 */
export function whenDone<E>(work: (event: E) => Promise<unknown>): (event: E) => void {
  return (event) =>
    void work(event).catch((err: unknown) => {
      console.error(err);
      announce('Something went wrong on this page. Reload it and try again.');
    });
}
