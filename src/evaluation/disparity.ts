import type { Database } from '../db/queries/database';
import { arrestRows } from '../db/queries/evaluation';
import { NOT_DIVERTED_OUTCOMES, type Outcome } from '../shared/case-vocabulary';
import { relativeRateIndex } from './statistics';
import { protectTable } from './suppression';

export interface ArrestRecord {
  group: string;
  /** Eligible for diversion (the check found no reason). */
  eligible: boolean;
  diverted: boolean;
  enrolled: boolean;
}

/** One perceived race/ethnicity per arrest: several named read as MULTIPLE, none as NOT_RECORDED. */
const groupOf = (perceivedRace: string[] | null): string => {
  const named = perceivedRace ?? [];
  return named.length === 0 ? 'NOT_RECORDED' : named.length === 1 ? named[0] : 'MULTIPLE';
};

/** Every arrest the eligibility check saw: diverted (a referral) or booked (the comparison pool). */
export async function arrestRecords(db: Database, caseIdPrefix: string): Promise<ArrestRecord[]> {
  const { referrals, bookings } = await arrestRows(db, caseIdPrefix);

  return [
    ...referrals.map((r) => ({
      group: groupOf(r.perceivedRace),
      eligible: r.eligible,
      // R-EVAL (Decision 2026-12-02): an override denied or an NCI decline is not a diversion.
      diverted: !NOT_DIVERTED_OUTCOMES.includes(r.outcome as Outcome),
      enrolled: r.enrolled,
    })),
    ...bookings.map((b) => ({
      group: groupOf(b.perceivedRace),
      eligible: b.reason === 'OFFICER_DECISION',
      diverted: false,
      enrolled: false,
    })),
  ];
}

/** Each stage's rate: its count over the stage before it (all arrests the check saw, for eligibility). */
const STAGES = [
  { name: 'eligibility', count: 'eligible', base: 'checkedArrests' },
  { name: 'diversion', count: 'diverted', base: 'eligible' },
  { name: 'enrollment', count: 'enrolled', base: 'diverted' },
] as const;
const COUNTS = ['checkedArrests', 'eligible', 'diverted', 'enrolled'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
type StageName = (typeof STAGES)[number]['name'];

/** A group's row: its counts, and each stage's rate and index (null: suppressed or not computable). */
export type DisparityRow = { group: string } & Record<keyof Counts, number | null> &
  Record<`${StageName}Rate` | `${StageName}Index`, number | null>;

/**
 * R-EVAL: eligibility, diversion and enrollment by the officer's perceived race/ethnicity, against the
 * arrests the eligibility check saw (diverted or booked): each group's rate at each stage (eligible of
 * the arrests, diverted of the eligible, enrolled of the diverted) and its relative rate index against
 * the reference group. Small cells are suppressed complementarily (suppression.ts): a group's counts are
 * nested, its columns add up, and a rate or index is shown only when its counts are.
 */
export function disparityFigures(records: ArrestRecord[], reference: string, minimumCell: number) {
  const groups = [...new Set(records.map((r) => r.group))].sort();
  const countsOf = (group: string): Counts => {
    const mine = records.filter((r) => r.group === group);
    return {
      checkedArrests: mine.length,
      eligible: mine.filter((r) => r.eligible).length,
      diverted: mine.filter((r) => r.eligible && r.diverted).length,
      enrolled: mine.filter((r) => r.eligible && r.enrolled).length,
    };
  };
  const table = Object.fromEntries(groups.map((g) => [g, countsOf(g)]));
  const rows = protectTable(
    groups.map((g) => COUNTS.map((key) => table[g][key])),
    minimumCell,
    groups.indexOf(reference),
  );
  const shown = Object.fromEntries(
    groups.map((g, i) => [
      g,
      Object.fromEntries(COUNTS.map((key, j) => [key, rows[i][j]])) as Record<keyof Counts, number | null>,
    ]),
  );
  const rateShown = (group: string, stage: (typeof STAGES)[number]) => {
    const cells = shown[group];
    return !!cells && table[group][stage.base] > 0 && cells[stage.count] !== null && cells[stage.base] !== null;
  };
  const stages = STAGES.map((stage) => ({
    ...stage,
    rri: relativeRateIndex(
      Object.fromEntries(groups.map((g) => [g, { count: table[g][stage.count], base: table[g][stage.base] }])),
      reference,
    ),
  }));
  return {
    reference,
    groups: groups.map((g): DisparityRow => {
      const rates: Partial<Record<`${StageName}Rate` | `${StageName}Index`, number | null>> = {};
      for (const stage of stages) {
        const visible = rateShown(g, stage);
        rates[`${stage.name}Rate`] = visible ? stage.rri[g].rate : null;
        rates[`${stage.name}Index`] = visible && rateShown(reference, stage) ? stage.rri[g].index : null;
      }
      return { group: g, ...shown[g], ...(rates as Record<`${StageName}Rate` | `${StageName}Index`, number | null>) };
    }),
  };
}
