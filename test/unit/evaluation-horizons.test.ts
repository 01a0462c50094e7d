import { evaluationFigures, type EvaluationRecord } from '../../src/evaluation/evaluation-data';
import { horizonDay, horizonObserved } from '../../src/shared/evaluation-horizons';

/**
 * R-EVAL (issue 23 item 7): a re-arrest rate is shown at a horizon only once someone has been followed
 * that long — never a "24-month" rate after six days of data — and never without the re-arrests it rests on.
 */
const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

/** A participant started `daysAgo` before now, re-arrested `rearrestedAfter` days after the start (or not). */
const participant = (i: number, daysAgo: number, rearrestedAfter?: number): EvaluationRecord => {
  const start = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    personId: `p-${i}`,
    recordId: `p-${i}`,
    cohort: 'PARTICIPANT',
    start,
    agency: 'BURIEN_PD',
    offenseLevel: null,
    bookingReason: null,
    outcomes:
      rearrestedAfter === undefined
        ? []
        : [{ kind: 'ARREST', level: 'MISDEMEANOR', on: new Date(start.getTime() + rearrestedAfter * DAY) }],
    milestones: [],
  };
};
const cohort = (n: number, daysAgo: number, rearrestedAfter?: number, from = 0) =>
  Array.from({ length: n }, (_, i) => participant(from + i, daysAgo, rearrestedAfter));

test('a horizon is observed once the longest follow-up reaches its day', () => {
  expect([6, 12, 24].map(horizonDay)).toEqual([183, 365, 731]);
  expect(horizonObserved(6, null)).toBe(false);
  expect(horizonObserved(6, 6)).toBe(false);
  expect(horizonObserved(6, 182)).toBe(false);
  expect(horizonObserved(6, 183)).toBe(true);
  expect(horizonObserved(12, 183)).toBe(false);
  expect(horizonObserved(24, 800)).toBe(true);
});

test('six days of data: no rate at any horizon, and the longest follow-up says why', () => {
  // Four of eight re-arrested on day 2: the drawn curve would give 50 % "at 24 months" as well.
  const figures = evaluationFigures([...cohort(4, 6, 2), ...cohort(4, 6, undefined, 4)], NOW, 2).participants;
  expect(figures).toMatchObject({ people: 8, rearrested: 4, longestFollowUpDays: 6 });
  expect(figures.curve).toHaveLength(1);
  expect(figures.rearrestRate).toEqual({ months6: null, months12: null, months24: null });
  expect(figures.rearrestedBy).toEqual({ months6: null, months12: null, months24: null });
});

test('followed for 200 days: the 6-month rate with its count, the later horizons not yet observed', () => {
  const records = [...cohort(3, 200, 10), ...cohort(3, 200, 150, 3), ...cohort(6, 200, undefined, 6)];
  const figures = evaluationFigures(records, NOW, 3).participants;
  expect(figures).toMatchObject({ people: 12, rearrested: 6, longestFollowUpDays: 200 });
  expect(figures.rearrestRate).toEqual({ months6: 0.5, months12: null, months24: null });
  expect(figures.rearrestedBy).toEqual({ months6: 6, months12: null, months24: null });
});

test('a cohort under the minimum publishes neither its size nor how long it was followed', () => {
  const figures = evaluationFigures(cohort(3, 400), NOW, 11).participants;
  expect(figures).toEqual({
    people: null,
    rearrested: null,
    longestFollowUpDays: null,
    curve: null,
    rearrestRate: null,
    rearrestedBy: null,
  });
  expect(evaluationFigures([], NOW, 11).participants).toMatchObject({ people: 0, longestFollowUpDays: null });
});
