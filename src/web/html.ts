/** Minimal HTML templating: every interpolated value is escaped unless wrapped in `raw`. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export class Raw {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
export const raw = (value: string) => new Raw(value);

type Value = string | number | boolean | null | undefined | Raw | Value[];
const render = (v: Value): string =>
  v instanceof Raw
    ? v.value
    : Array.isArray(v)
      ? v.map(render).join('')
      : v === null || v === undefined || v === false
        ? ''
        : escapeHtml(String(v));

export function html(strings: TemplateStringsArray, ...values: Value[]): Raw {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}
