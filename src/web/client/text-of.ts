/**
 * A value as the page shows it: text and numbers as they are, a list joined by commas; anything else
 * (an object, a file) shows as nothing rather than "[object Object]".
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(',');
  return '';
}
