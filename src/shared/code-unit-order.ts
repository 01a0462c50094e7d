/**
 * Strings in code-unit order (ISO times, ids): the same on every host, where `localeCompare` follows the
 * host's collation data — workflow code must order the same way on replay.
 */
export const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
