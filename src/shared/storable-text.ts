/**
 * Text PostgreSQL cannot store: NUL (refused by `text` and `jsonb`) and UTF-16 surrogates without
 * their pair (refused by `jsonb`, mangled by `text`). Free text is checked for them where it enters —
 * the API's bodies and every case action a workflow accepts — so a stored record can never be refused
 * later (a projection retrying forever, a case that can never close).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE =
  'contains a character that cannot be stored (NUL, or half of a UTF-16 surrogate pair)';

/** The path of the first string (or object key) holding such a character, or undefined. */
export function unstorableTextAt(value: unknown, path: Array<string | number> = []): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], [...path, i]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, '(key)'].join('.');
      const found = unstorableTextAt(inner, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
