import { localDate } from '../eligibility/calendar-dates';

/** A reported month, YYYY-MM, in the program's time zone. */
export type ReportMonth = string;

export const REPORT_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOf = (instant: Date, timeZone: string): ReportMonth => localDate(instant, timeZone).slice(0, 7);

export function addMonthsTo(month: ReportMonth, delta: number): ReportMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** R-STAFFING: a run on the first of a month reports the month before, in the program's time zone. */
export const monthReportedAt = (instant: Date, timeZone: string): ReportMonth =>
  addMonthsTo(monthOf(instant, timeZone), -1);

/** The `count` months ending with `month`, oldest first. */
export const monthsEnding = (month: ReportMonth, count: number): ReportMonth[] =>
  Array.from({ length: count }, (_, i) => addMonthsTo(month, i - count + 1));
