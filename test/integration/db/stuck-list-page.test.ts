import { stuckCasesOf } from '../../../src/db/queries/cases';
import type { ReaderIdentity } from '../../../src/disclosure';
import { caseIdFor } from '../../../src/referrals/case-id';
import { seededDatabase } from '../../support/seeded-database';

/**
 * The supervisors' stuck list (issue 25 item 4): each list carries a page of cases, nearest deadline
 * first, and counts every case on it — the list no longer grows with the caseload.
 */
const supervisor: ReaderIdentity = { id: 'supervisor-1', role: 'supervisor' };
const HOUR = 3600_000;

const db = seededDatabase(async (owner) => {
  const { id: personId } = await owner.person.create({
    data: { givenName: 'Paget', familyName: 'Listwell', dateOfBirth: new Date('1980-01-01') },
  });
  const now = Date.now();
  await owner.referral.createMany({
    data: [5, 1, 4, 2, 3].map((hours) => ({
      id: caseIdFor('KC', `stuck-page-${hours}`),
      submissionId: `stuck-page-${hours}`,
      submissionHash: 'test',
      type: 'ARREST_DIVERSION' as const,
      personId,
      details: {},
      agency: 'BURIEN_PD',
      officerId: 'officer-1',
      submittedById: 'officer-1',
      stage: 'AWAITING_SCREENING' as const,
      stuckReasons: ['SCREENING_OVERDUE'],
      referredAt: new Date(now - 6 * HOUR),
      nextDeadlineAt: new Date(now + hours * HOUR),
    })),
  });
});

test('a stuck list carries its nearest deadlines up to the page, and counts all of its cases (R-SCREEN)', async () => {
  const { byReason } = await stuckCasesOf(db(), supervisor, Date.now(), 2);
  expect(byReason.SCREENING_OVERDUE.total).toBe(5);
  expect(byReason.SCREENING_OVERDUE.cases.map((c) => c.id)).toEqual([
    caseIdFor('KC', 'stuck-page-1'),
    caseIdFor('KC', 'stuck-page-2'),
  ]);
  expect(byReason.APPROVAL_OVERDUE).toEqual({ cases: [], total: 0 });
});
