import { z } from 'zod';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextAt } from './storable-text';

/**
 * Free text as every input schema accepts it, with every rule the service enforces on it stated in the
 * schema, so that the OpenAPI document tells the whole truth (issue 24 item 8):
 * - no character PostgreSQL cannot store: NUL (in the document's pattern) or half of a UTF-16
 *   surrogate pair (refused here too; JSON Schema has no way to write one);
 * - by default trimmed before its length is checked, and its length counted in characters (code
 *   points, as JSON Schema counts them), so `"  Avery "` is `"Avery"`, 5 characters.
 * A trimmed text's bounds are not `minLength`/`maxLength` (the untrimmed string may be longer): the
 * document's pattern states them on the text inside the spaces around it.
 */
export interface TextBounds {
  min?: number;
  max: number;
  /** false: taken as sent (a password, an id); the bounds are then the document's minLength and maxLength. */
  trim?: boolean;
  /** The message when the field is missing (default: zod's), naming the field and its rule. */
  missing?: string;
}

/** What `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator), inside a class. */
const TRIMMED = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const STORABLE = String.raw`[^\u0000]`;
const SHOWN = String.raw`[^\u0000${TRIMMED}]`;
const AROUND = `[${TRIMMED}]*`;

/** A JSON Schema pattern (ECMA-262) for: text without NUL whose trimmed length is within [min, max]. */
export function trimmedTextPattern(min: number, max: number): string {
  const cores: string[] = [];
  if (min <= 1 && max >= 1) cores.push(SHOWN);
  if (max >= 2) cores.push(`${SHOWN}${STORABLE}{${Math.max(min, 2) - 2},${max - 2}}${SHOWN}`);
  const core = `(?:${cores.join('|')})`;
  return `^${AROUND}${min === 0 ? `${core}?` : core}${AROUND}$`;
}

/** The pattern of an untrimmed text: no NUL (its bounds are minLength and maxLength). */
export const STORABLE_TEXT_PATTERN = `^${STORABLE}*$`;

const characters = (value: string) => [...value].length;

/** Free text of an input: storable, trimmed unless said otherwise, and within its bounds in characters. */
export function text({ min = 1, max, trim = true, missing }: TextBounds) {
  const storable = z
    .string(missing ? { error: (issue) => (issue.input === undefined ? missing : undefined) } : {})
    .check((ctx) => {
      if (unstorableTextAt(ctx.value) !== undefined)
        ctx.issues.push({ code: 'custom', input: ctx.value, message: UNSTORABLE_TEXT_MESSAGE });
    });
  const bounded = (trim ? storable.trim() : storable).check((ctx) => {
    const length = characters(ctx.value);
    const limit = { input: ctx.value, origin: 'string' as const, inclusive: true };
    const said = trim ? ' (not counting spaces around it)' : '';
    if (length < min)
      ctx.issues.push({
        ...limit,
        code: 'too_small',
        minimum: min,
        message: `at least ${min} character${min === 1 ? '' : 's'}${said}`,
      });
    if (length > max)
      ctx.issues.push({ ...limit, code: 'too_big', maximum: max, message: `at most ${max} characters${said}` });
  });
  return trim
    ? bounded.meta({ pattern: trimmedTextPattern(min, max) })
    : bounded.meta({ pattern: STORABLE_TEXT_PATTERN, minLength: min, maxLength: max });
}
