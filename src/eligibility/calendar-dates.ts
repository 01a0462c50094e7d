/**
 * Calendar arithmetic on plain dates (YYYY-MM-DD), free of time zones and of any library, so the
 * eligibility rules give the same answer in the API, in a browser and in a workflow.
 *
 * Decision: adding years or months to a day that the target month lacks (29 February in a common
 * year, 31 August + 6 months) lands on the month's last day — 29 Feb 2016 + 10 years = 28 Feb 2026.
 */
export type PlainDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: PlainDate): [number, number, number] {
  const m = PATTERN.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

export function isValidPlainDate(date: string): boolean {
  const m = PATTERN.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, daysIn(ty, tm)))}`;
}

export const addYears = (date: PlainDate, years: number): PlainDate => addMonths(date, years * 12);

/** Negative, zero or positive as a is before, on or after b (plain dates compare as strings). */
export const compareDates = (a: PlainDate, b: PlainDate): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * "Unless more than N years has elapsed" (R-EX-HISTORY-10Y/5Y, the protocol's words): on the N-year
 * anniversary exactly N years have elapsed — not more — so the date still counts; from the day after
 * it does not.
 */
export function notMoreThanYearsBefore(date: PlainDate, years: number, reference: PlainDate): boolean {
  return compareDates(date, reference) <= 0 && compareDates(reference, addYears(date, years)) <= 0;
}

/** Within N months before `reference`: on or before it, and its N-month anniversary not yet passed. */
export function withinMonthsBefore(date: PlainDate, months: number, reference: PlainDate): boolean {
  return compareDates(date, reference) <= 0 && compareDates(reference, addMonths(date, months)) <= 0;
}

/** Age in whole years on a day (a 29 February birthday is reached on 28 February in common years). */
export function ageOn(dateOfBirth: PlainDate, day: PlainDate): number {
  let years = parts(day)[0] - parts(dateOfBirth)[0];
  if (compareDates(addYears(dateOfBirth, years), day) > 0) years -= 1;
  return years;
}

// A formatter per zone (the program's, and a page's reader's): building one costs far more than using it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (the program's local day). */
export function localDate(instant: Date, timeZone: string): PlainDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dayFormats.size < 64) dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
