import { createHmac } from 'node:crypto';
import { HORIZONS, horizonDay, horizonObserved, MONTH_DAYS, type HorizonKey } from '../shared/evaluation-horizons';
import type { Database } from '../db/queries/database';
import { evaluationCohortRows } from '../db/queries/evaluation';
import { IIP_MILESTONES } from './demographics';
import { hazardRatio, survivalAt, type Subject } from './statistics';
import { nestedCounts, publishedCurve } from './suppression';
import { groupedBy } from '../shared/grouped-by';

const DAY = 86_400_000;

/** One person's start in the evaluation: a diversion they were enrolled in, or a booking (the pool). */
export interface EvaluationRecord {
  personId: string;
  /** The case or booking: what a disclosure of this record is recorded against (R-DISCLOSE). */
  recordId: string;
  cohort: 'PARTICIPANT' | 'COMPARISON';
  start: Date;
  agency: string;
  offenseLevel: string | null;
  /** The pool's reason (INELIGIBLE or OFFICER_DECISION); null for participants. */
  bookingReason: string | null;
  outcomes: Array<{ kind: string; level: string; on: Date }>;
  /** R-IIP: participants only — the milestones they reached. */
  milestones: Array<{ milestone: string; on: Date }>;
}

/**
 * R-EVAL: one program's two cohorts — arrest diversions whose person was enrolled, and the comparison
 * pool — each with the outcomes recorded for its person after its start.
 */
export async function evaluationRecords(db: Database, caseIdPrefix: string): Promise<EvaluationRecord[]> {
  const { enrolled, bookings, notDiverted, milestones, outcomes } = await evaluationCohortRows(db, caseIdPrefix);
  const outcomesOf = groupedBy(outcomes, (o) => o.personId);
  const milestonesOf = groupedBy(milestones, (m) => m.referralId);
  const after = (personId: string, start: Date) =>
    (outcomesOf.get(personId) ?? [])
      .filter((o) => o.occurredOn.getTime() >= startOfDay(start))
      .map((o) => ({ kind: o.kind, level: o.level, on: o.occurredOn }));
  return [
    ...enrolled.map((r): EvaluationRecord => {
      const start = r.referredAt ?? r.createdAt;
      return {
        personId: r.personId,
        recordId: r.id,
        cohort: 'PARTICIPANT',
        start,
        agency: r.agency,
        offenseLevel: r.offenseLevel,
        bookingReason: null,
        outcomes: after(r.personId, start),
        milestones: (milestonesOf.get(r.id) ?? []).map((m) => ({ milestone: m.milestone, on: m.reachedOn })),
      };
    }),
    ...bookings.map((b): EvaluationRecord => ({
      personId: b.personId,
      recordId: b.id,
      cohort: 'COMPARISON',
      start: b.bookedAt,
      agency: b.agency,
      offenseLevel: b.offenseLevel,
      bookingReason: b.reason,
      outcomes: after(b.personId, b.bookedAt),
      milestones: [],
    })),
    ...notDiverted.map((r): EvaluationRecord => {
      const start = r.referredAt ?? r.createdAt;
      return {
        personId: r.personId,
        recordId: r.id,
        cohort: 'COMPARISON',
        start,
        agency: r.agency,
        offenseLevel: r.offenseLevel,
        bookingReason: r.outcome === 'CHARGES_FILED' ? 'SCREENED_OUT_AND_CHARGED' : r.outcome,
        outcomes: after(r.personId, start),
        milestones: [],
      };
    }),
  ];
}

const startOfDay = (d: Date) => Math.floor(d.getTime() / DAY) * DAY;
const daysBetween = (from: Date, to: Date) => Math.max(0, Math.round((startOfDay(to) - startOfDay(from)) / DAY));

/** Time to the first re-arrest after the start, or to `now` without one (censored). */
export function subjectOf(record: EvaluationRecord, now: Date): Subject {
  const arrest = record.outcomes.find((o) => o.kind === 'ARREST');
  return arrest
    ? { time: daysBetween(record.start, arrest.on), event: true }
    : { time: daysBetween(record.start, now), event: false };
}

/**
 * The evaluation page's figures: per cohort, the Kaplan–Meier curve of time to first re-arrest with its
 * band, the longest follow-up, and at 6, 12 and 24 months the re-arrest rate with the re-arrests it rests
 * on; the hazard ratio of participants to the pool. Small cells are suppressed complementarily (R-EVAL,
 * suppression.ts): a cohort whose re-arrests are withheld shows no curve, rate or hazard ratio. A rate is
 * read off the drawn curve only, and only at a horizon someone has been followed to (evaluation-horizons.ts).
 */
export function evaluationFigures(records: EvaluationRecord[], now: Date, minimumCell: number) {
  const cohort = (name: EvaluationRecord['cohort']) =>
    records.filter((r) => r.cohort === name).map((r) => subjectOf(r, now));
  const participants = cohort('PARTICIPANT');
  const comparison = cohort('COMPARISON');
  const describe = (subjects: Subject[]) => {
    const [people, rearrested] = nestedCounts([subjects.length, subjects.filter((s) => s.event).length], minimumCell);
    // Not a count: how far the figures reach. Said only of a cohort whose size is shown.
    const longestFollowUpDays = people ? Math.max(...subjects.map((s) => s.time)) : null;
    const published = people && rearrested !== null ? publishedCurve(subjects, minimumCell) : null;
    if (!published)
      return {
        people,
        rearrested: people ? rearrested : null,
        longestFollowUpDays,
        curve: null,
        rearrestRate: null,
        rearrestedBy: null,
      };
    const shownAt = (months: number) => {
      const day = horizonDay(months);
      const drawn = published.undrawnFrom === null || day < published.undrawnFrom;
      return drawn && horizonObserved(months, longestFollowUpDays) ? day : null;
    };
    const byHorizon = (value: (day: number) => number) =>
      Object.fromEntries(
        HORIZONS.map(({ key, months }) => {
          const day = shownAt(months);
          return [key, day === null ? null : value(day)];
        }),
      ) as Record<HorizonKey, number | null>;
    return {
      people,
      rearrested,
      longestFollowUpDays,
      curve: published.steps.map((s) => ({
        day: s.time,
        atRisk: s.atRisk,
        survival: s.survival,
        lower: s.lower,
        upper: s.upper,
      })),
      rearrestRate: byHorizon((day) => 1 - survivalAt(published.steps, day)),
      // The re-arrests each rate rests on: whole published steps (each at least the minimum cell).
      rearrestedBy: byHorizon((day) =>
        published.steps.filter((s) => s.time <= day).reduce((sum, s) => sum + s.events, 0),
      ),
    };
  };
  const figures = { participants: describe(participants), comparison: describe(comparison) };
  const enrolled = records.filter((r) => r.cohort === 'PARTICIPANT');
  const bothShown = figures.participants.rearrested !== null && figures.comparison.rearrested !== null;
  return {
    computedAt: now.toISOString(),
    minimumCell,
    ...figures,
    hazardRatio: bothShown ? hazardRatio(participants, comparison) : null,
    // R-IIP: how many participants reached each milestone (each counted once).
    milestones: Object.fromEntries(
      IIP_MILESTONES.map((m) => [
        m,
        nestedCounts(
          [enrolled.length, enrolled.filter((r) => r.milestones.some((x) => x.milestone === m)).length],
          minimumCell,
        )[1],
      ]),
    ),
  };
}

/**
 * R-EVAL: one de-identified row per start: a pseudonymous person id (a keyed hash; the key never leaves
 * the service), months instead of dates, codes instead of text — no name, birth date, state id, case
 * or booking id, address or free text.
 */
export function deidentifiedRow(record: EvaluationRecord, key: string, now: Date) {
  const subject = subjectOf(record, now);
  const month = (d: Date) => d.toISOString().slice(0, 7);
  const monthsAfter = (d: Date) => Math.floor(daysBetween(record.start, d) / MONTH_DAYS);
  return {
    person: createHmac('sha256', key).update(record.personId).digest('base64url').slice(0, 16),
    cohort: record.cohort,
    startMonth: month(record.start),
    agency: record.agency,
    offenseLevel: record.offenseLevel,
    bookingReason: record.bookingReason,
    followUpMonths: Math.floor(subject.time / MONTH_DAYS),
    rearrested: subject.event,
    monthsToRearrest: subject.event ? Math.floor(subject.time / MONTH_DAYS) : null,
    outcomes: record.outcomes.map((o) => ({ kind: o.kind, level: o.level, monthsAfterStart: monthsAfter(o.on) })),
    milestones: record.milestones.map((m) => ({ milestone: m.milestone, monthsAfterStart: monthsAfter(m.on) })),
  };
}

/** The export's data dictionary: every field, what it holds and how it was de-identified. */
export const DATA_DICTIONARY = {
  person:
    "Pseudonymous person id: a keyed hash (HMAC-SHA-256) of the service's person id; the same person has the same id in every export made with the same key; not reversible without the key, which never leaves the service",
  cohort:
    'PARTICIPANT (an arrest diversion whose person was enrolled) or COMPARISON (an arrest that ended in booking: R-EL-NORIGHT)',
  startMonth: 'The month of the diversion or the booking (YYYY-MM); days are dropped',
  agency: 'The referring or booking agency (code)',
  offenseLevel: 'FELONY, GROSS_MISDEMEANOR or MISDEMEANOR: the most serious offense of the referral',
  bookingReason:
    'COMPARISON only: INELIGIBLE (the eligibility check found reasons), OFFICER_DECISION (eligible; booked), OVERRIDE_DENIED, NCI_DECLINED, or SCREENED_OUT_AND_CHARGED (a referral that ended in booking)',
  followUpMonths: 'Whole months from the start to the first re-arrest, or to the export',
  rearrested: 'Whether an arrest was recorded after the start',
  monthsToRearrest: 'Whole months from the start to the first recorded arrest (null without one)',
  outcomes: 'Every arrest, booking or charge recorded after the start: kind, level and whole months after the start',
  milestones:
    'PARTICIPANT only: each IIP milestone reached (HOUSED, INCOME_OR_BENEFITS, TREATMENT_STARTED, EMPLOYED) and whole months after the start',
} as const;
