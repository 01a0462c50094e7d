/**
 * How deeply a request body may nest arrays and objects. The deepest body any route reads (a referral's
 * protective order: body → protectiveOrders → order → protectedPerson) is four levels; the limit leaves
 * room and still refuses, before JSON.parse runs, the deep nesting that costs the parser and every
 * recursive check after it time and stack.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether raw JSON nests deeper than `max`: one pass over the bytes, counting brackets outside strings.
 * UTF-8 continuation bytes are all ≥ 0x80, so they are never mistaken for a quote or a bracket. Malformed
 * JSON is left to the parser.
 */
export function jsonNestsDeeperThan(raw: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte)) depth--;
  }
  return false;
}
