import { loadConfig } from '../../../src/config/load-config';
import { personIdsOfCases } from '../../../src/db/queries/cases';
import { arrestRows, evaluationCohortRows } from '../../../src/db/queries/evaluation';
import { arrestRecords } from '../../../src/evaluation/disparity';
import { releasesOfCases, staffingListRecords } from '../../../src/db/queries/reports';
import { caseIdFor } from '../../../src/referrals/case-id';
import { computeMonthlyReport } from '../../../src/reports/compute-monthly-report';
import { monthOf } from '../../../src/reports/report-month';
import { seededDatabase } from '../../support/seeded-database';

/**
 * PostgreSQL binds at most 32,767 values in one statement: a month with more referrals than that made
 * the month's report answer 500 (Prisma P2029, found by the `scale` bench at 50,000). The reads by a
 * list of cases or people are made in pieces; each one here is given more ids than one statement holds.
 */
const CASES = 33_000;
const config = loadConfig();
const caseIds = Array.from({ length: CASES }, (_, i) => caseIdFor(config.program.caseIdPrefix, `id-lists-${i}`));
const referredAt = new Date();
let personId: string;

const db = seededDatabase(async (owner) => {
  ({ id: personId } = await owner.person.create({
    data: { givenName: 'Manny', familyName: 'Rows', dateOfBirth: new Date('1980-01-01') },
  }));
  await owner.referral.createMany({
    data: caseIds.map((id) => ({
      id,
      submissionId: id,
      submissionHash: 'test',
      type: 'ARREST_DIVERSION' as const,
      personId,
      details: { offenseLevel: 'FELONY', perceivedRace: ['BLACK'], eligibility: { eligible: true, reasons: [] } },
      agency: 'BURIEN_PD',
      officerId: 'officer-1',
      submittedById: 'officer-1',
      stage: 'ENROLLED' as const,
      referredAt,
    })),
  });
  await owner.caseEvent.createMany({
    data: caseIds.map((referralId) => ({ referralId, seq: 1, type: 'ENROLLED', occurredAt: referredAt })),
  });
  await owner.releaseOfInformation.create({
    data: {
      id: `${caseIds[CASES - 1]}.1`,
      referralId: caseIds[CASES - 1],
      personId,
      method: 'WRITTEN',
      coversStaffing: true,
      givenAt: referredAt,
      givenById: 'case-manager-1',
    },
  });
});

test("the month's report counts more referrals than one statement can bind (R-STAFFING)", async () => {
  const report = await computeMonthlyReport(db(), config, monthOf(referredAt, config.program.timezone));
  expect(report.figures.referralsInMonth.total).toBe(CASES);
  // Each case's events come with it: every one was enrolled (its ENROLLED event).
  expect(report.figures.enrolledShare).toEqual({ referred: CASES, enrolled: CASES, share: 1 });
});

test("a report's rows are read with their people, releases and nominations, however many (R-STAFFING)", async () => {
  const [people, releases, listed] = await Promise.all([
    personIdsOfCases(db(), caseIds),
    releasesOfCases(db(), caseIds),
    staffingListRecords(db(), monthOf(referredAt, config.program.timezone), caseIds),
  ]);
  expect(people).toHaveLength(CASES);
  expect(releases.map((r) => r.referralId)).toEqual([caseIds[CASES - 1]]);
  expect(listed.referrals).toHaveLength(CASES);
  expect(listed.nominations).toEqual([]);
});

test("the evaluation's cohort reads the milestones of more enrolled cases than one statement can bind (R-EVAL)", async () => {
  const cohort = await evaluationCohortRows(db(), config.program.caseIdPrefix);
  expect(cohort.enrolled).toHaveLength(CASES);
  expect(cohort.milestones).toEqual([]);
});

test('the disparity figures read every arrest diversion and whether it was enrolled, however many (R-EVAL)', async () => {
  const arrests = await arrestRecords(db(), config.program.caseIdPrefix);
  expect(arrests).toHaveLength(CASES);
  expect(arrests.every((a) => a.enrolled && a.eligible && a.group === 'BLACK')).toBe(true);
});

test('the evaluation reads of each arrest only the facts it counts, never the whole record (R-EVAL)', async () => {
  // The full facts of 50,000 arrests outgrew the worker's heap; these are a few fields each.
  const { referrals } = await arrestRows(db(), config.program.caseIdPrefix);
  expect(referrals[0]).toEqual({
    id: expect.any(String),
    offenseLevel: 'FELONY',
    perceivedRace: ['BLACK'],
    eligible: true,
    outcome: null,
    enrolled: true,
  });
  const cohort = await evaluationCohortRows(db(), config.program.caseIdPrefix);
  expect(cohort.enrolled[0]).not.toHaveProperty('details');
  expect(cohort.enrolled[0].offenseLevel).toBe('FELONY');
});
