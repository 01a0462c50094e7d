import type { z } from 'zod';
import { plainSentence, type FieldKind, type Problem } from './plain-errors';
import { inWords } from './words';

/** A form read as JSON: control names are its paths; what it holds is checked by the input's schema. */
export type FormJson = { [name: string]: unknown };

/**
 * Reads a form into the API's JSON shape: control names are JSON paths (offenses.0.drug.grams);
 * empty controls are left out; data-bool controls are booleans; number inputs are numbers; checkbox
 * groups with values become arrays.
 */
function setPath(target: FormJson, path: string[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
    const k: string | number = /^\d+$/.test(key) ? Number(key) : key;
    if (last) node[k] = value;
    else node = (node[k] ??= nextIsIndex ? [] : {}) as Record<string | number, unknown>;
  });
}

export function readForm(form: HTMLFormElement, skip: (name: string) => boolean = () => false): FormJson {
  const out: FormJson = {};
  const groups = new Map<string, string[]>();
  for (const el of Array.from(form.elements) as Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) {
    const name = el.getAttribute('name');
    if (!name || skip(name) || el.closest('[hidden]') || (el as HTMLInputElement).disabled) continue;
    const path = name.split('.');
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.hasAttribute('data-bool')) setPath(out, path, el.checked);
      else {
        const list = groups.get(name) ?? [];
        if (el.checked) list.push(el.value);
        groups.set(name, list);
      }
    } else if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (el.checked) setPath(out, path, el.hasAttribute('data-bool') ? el.value === 'true' : el.value);
    } else if (el.value.trim() !== '') {
      setPath(out, path, el instanceof HTMLInputElement && el.type === 'number' ? Number(el.value) : el.value.trim());
    }
  }
  for (const [name, values] of groups) setPath(out, name.split('.'), values);
  // Sparse arrays (a removed row) are compacted.
  const compact = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter((x) => x !== undefined).map(compact)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
        : v;
  return compact(out) as FormJson;
}

/** A schema's refusals as problems to show: their paths as the form names its controls. */
export const problemsOf = (issues: z.core.$ZodIssue[]): Problem[] =>
  issues.map((issue) => ({ ...issue, path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)) }));

/**
 * Shows validation problems in plain words: an error summary whose every line links to its field,
 * and each field marked invalid with the same sentence beside it.
 */
export function showErrors(
  form: HTMLFormElement,
  summary: HTMLElement,
  issues: Problem[],
  extra: HTMLElement[] = [],
): void {
  clearErrors(form, summary);
  if (issues.length === 0 && extra.length === 0) return;
  const idOf = (path: (string | number)[]) => `${form.dataset.prefix ?? 'f'}-${path.join('-')}`;
  const items = issues.map((issue) => {
    // The nearest element that exists on the page: the field, or its group.
    let path = issue.path.map(String);
    while (path.length > 0 && !document.getElementById(idOf(path))) path = path.slice(0, -1);
    const id = path.length ? idOf(path) : form.id;
    const field = document.getElementById(id);
    // In words; the rule a message cites is its "Why?" in the summary (never part of the sentence).
    const { text: sentence, why } = inWords(plainSentence(issue, labelOf(field), kindOf(field)));
    const slot = document.getElementById(`${id}-error`);
    if (field && field !== form) field.setAttribute('aria-invalid', 'true');
    if (slot) {
      slot.textContent = sentence;
      slot.hidden = false;
    }
    // A folded section holding a problem opens.
    field?.closest('details')?.setAttribute('open', '');
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${id}`;
    a.textContent = sentence;
    li.append(a);
    if (why) li.append(' ', why);
    return li;
  });
  const h2 = document.createElement('h2');
  const count = items.length + extra.length;
  h2.textContent = `There ${count === 1 ? 'is a problem' : `are ${count} problems`}`;
  const ul = document.createElement('ul');
  ul.append(...items, ...extra);
  summary.replaceChildren(h2, ul);
  summary.hidden = false;
  summary.focus();
}

function kindOf(field: HTMLElement | null): FieldKind {
  if (!field) return 'input';
  if (field.tagName === 'SELECT') return 'select';
  if (field.tagName === 'FIELDSET') return field.querySelector('input[type="radio"]') ? 'choice' : 'group';
  return 'input';
}

function labelOf(field: HTMLElement | null): string | undefined {
  if (!field) return undefined;
  if (field.tagName === 'FIELDSET') return field.querySelector('legend')?.textContent?.trim() ?? undefined;
  return document
    .querySelector(`label[for="${field.id}"]`)
    ?.textContent?.replace(/\(optional\)/, '')
    .trim();
}

export function clearErrors(form: HTMLFormElement, summary: HTMLElement): void {
  summary.hidden = true;
  summary.replaceChildren();
  form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error-text').forEach((el) => {
    (el as HTMLElement).hidden = true;
    el.textContent = '';
  });
}
