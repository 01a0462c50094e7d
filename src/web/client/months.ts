/**
 * A report month (YYYY-MM, the API's code) in words for people: "November 2026", or "Nov" and "2026" on a
 * chart's axis. Formatted here, in the page; the API keeps the code.
 */
const dateOf = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1));
};
const format = (month: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(dateOf(month));

/** "November 2026". */
export const monthName = (month: string) => format(month, { month: 'long', year: 'numeric' });

/** "Nov 2026". */
export const shortMonthName = (month: string) => format(month, { month: 'short', year: 'numeric' });

/** The month before or after, as a code. */
export function addMonths(month: string, delta: number): string {
  const d = dateOf(month);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return d.toISOString().slice(0, 7);
}

/**
 * A chart's axis label of a month, in two lines: the month's short name, and its year under the first
 * month shown and under every January ("Nov" / "2026", "Dec", "Jan" / "2027").
 */
export function monthAxisLabel(month: string, index: number): string[] {
  const name = format(month, { month: 'short' });
  return index === 0 || month.endsWith('-01') ? [name, month.slice(0, 4)] : [name];
}
