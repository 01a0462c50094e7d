import type { PrismaClient } from '../generated/prisma/client';
import { relativeRateIndex, suppressed } from './statistics';

interface ArrestRecord {
  group: string;
  /** Eligible for diversion (the check found no reason). */
  eligible: boolean;
  diverted: boolean;
  enrolled: boolean;
}

/** One perceived race/ethnicity per arrest: several named read as MULTIPLE, none as NOT_RECORDED. */
const groupOf = (details: unknown): string => {
  const named = (details as { perceivedRace?: string[] | null } | null)?.perceivedRace ?? [];
  return named.length === 0 ? 'NOT_RECORDED' : named.length === 1 ? named[0] : 'MULTIPLE';
};

/** Every arrest the eligibility check saw: diverted (a referral) or booked (the comparison pool). */
export async function arrestRecords(db: PrismaClient): Promise<ArrestRecord[]> {
  const [referrals, bookings] = await Promise.all([
    db.referral.findMany({
      where: { type: 'ARREST_DIVERSION' },
      select: { details: true, events: { where: { type: 'ENROLLED' }, select: { seq: true }, take: 1 } },
    }),
    db.booking.findMany({ select: { details: true, reason: true } }),
  ]);
  return [
    ...referrals.map((r) => ({
      group: groupOf(r.details),
      eligible: (r.details as { eligibility?: { eligible?: boolean } }).eligibility?.eligible === true,
      diverted: true,
      enrolled: r.events.length > 0,
    })),
    ...bookings.map((b) => ({
      group: groupOf(b.details),
      eligible: b.reason === 'OFFICER_DECISION',
      diverted: false,
      enrolled: false,
    })),
  ];
}

/**
 * R-EVAL: diversion and enrollment by the officer's perceived race/ethnicity, against the arrests for
 * eligible offenses the check saw: each group's diversion rate (eligible arrests diverted) and
 * enrollment rate (diversions enrolled) and their relative rate indices against the reference group.
 * Counts under the minimum cell size are suppressed, and so is any rate or index built on one.
 */
export function disparityFigures(records: ArrestRecord[], reference: string, minimumCell: number) {
  const groups = [...new Set(records.map((r) => r.group))].sort();
  const count = (group: string, test: (r: ArrestRecord) => boolean) =>
    records.filter((r) => r.group === group && test(r)).length;
  const table = Object.fromEntries(
    groups.map((g) => [
      g,
      {
        eligibleArrests: count(g, (r) => r.eligible),
        diverted: count(g, (r) => r.eligible && r.diverted),
        enrolled: count(g, (r) => r.eligible && r.enrolled),
      },
    ]),
  );
  const shown = (n: number) => suppressed(n, minimumCell);
  const diversion = relativeRateIndex(
    Object.fromEntries(groups.map((g) => [g, { count: table[g].diverted, base: table[g].eligibleArrests }])),
    reference,
  );
  const enrollment = relativeRateIndex(
    Object.fromEntries(groups.map((g) => [g, { count: table[g].enrolled, base: table[g].diverted }])),
    reference,
  );
  const none = { eligibleArrests: 0, diverted: 0, enrolled: 0 };
  const ref = table[reference] ?? none;
  const rateShown = (count: number, base: number) => base > 0 && shown(count) !== null && shown(base) !== null;
  return {
    reference,
    groups: groups.map((g) => {
      const t = table[g];
      const diversionShown = rateShown(t.diverted, t.eligibleArrests);
      const enrollmentShown = rateShown(t.enrolled, t.diverted);
      return {
        group: g,
        eligibleArrests: shown(t.eligibleArrests),
        diverted: shown(t.diverted),
        enrolled: shown(t.enrolled),
        diversionRate: diversionShown ? diversion[g].rate : null,
        diversionIndex: diversionShown && rateShown(ref.diverted, ref.eligibleArrests) ? diversion[g].index : null,
        enrollmentRate: enrollmentShown ? enrollment[g].rate : null,
        enrollmentIndex: enrollmentShown && rateShown(ref.enrolled, ref.diverted) ? enrollment[g].index : null,
      };
    }),
  };
}
