/**
 * R-EVAL: the follow-up horizons the evaluation reports re-arrest at (6, 12 and 24 months after the
 * start), shared by the figures (src/evaluation/) and the page that shows them. A horizon is *observed*
 * only once someone in the cohort has been followed that long: before that, a rate "at 24 months" would
 * only repeat the last re-arrest seen, days after the start.
 */
export const MONTH_DAYS = 30.4375;

export const HORIZONS = [
  { key: 'months6', months: 6 },
  { key: 'months12', months: 12 },
  { key: 'months24', months: 24 },
] as const;

export type HorizonKey = (typeof HORIZONS)[number]['key'];

/** The day (after the start) a horizon of so many months falls on. */
export const horizonDay = (months: number): number => Math.round(months * MONTH_DAYS);

/** Whether the longest follow-up of a cohort (in days; null: none published) reaches the horizon. */
export const horizonObserved = (months: number, longestFollowUpDays: number | null): boolean =>
  longestFollowUpDays !== null && longestFollowUpDays >= horizonDay(months);
