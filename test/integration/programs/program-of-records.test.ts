import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { caseIdFor } from '../../../src/referrals/case-id';
import { bookingIdFor } from '../../../src/evaluation/record-booking';
import {
  HARBOR_COUNTY_CONFIG_FILE,
  programSource,
  readProgramFiles,
  seedPrograms,
} from '../../../src/programs/program-sources';
import { seededDatabase } from '../../support/seeded-database';
import { readFileSync } from 'node:fs';
import { addProgram } from '../../../src/db/queries/programs';
import { programWrite } from '../../../src/programs/program';

/**
 * Issue 26 items 2 and 6: a case's and a booking's row carry their program, named by the id's prefix.
 * A deployment of one program upgraded to programs as data: its records exist before its program does,
 * and starting the program gives them to it, nothing else changed — its stored months and evaluation too.
 */
const before = { cases: ['s-1', 's-2'].map((s) => caseIdFor('BUR', s)), booking: bookingIdFor('BUR', 's-3') };
let personId: string;
const referralRow = (id: string) => ({
  id,
  submissionId: id,
  submissionHash: 'h',
  type: 'ARREST_DIVERSION' as const,
  personId,
  details: {},
  agency: 'BURIEN_PD',
  officerId: 'B-1047',
  submittedById: 'officer-1',
});

const db = seededDatabase(async (owner) => {
  ({ id: personId } = await owner.person.create({
    data: { givenName: 'Jordan', familyName: 'Avery', dateOfBirth: new Date('1988-04-12') },
  }));
  await owner.referral.createMany({ data: before.cases.map(referralRow) });
  await owner.booking.create({
    data: {
      id: before.booking,
      submissionId: 's-3',
      submissionHash: 'h',
      personId,
      agency: 'BURIEN_PD',
      officerId: 'B-1047',
      submittedById: 'officer-1',
      prosecutorOffices: [],
      reason: 'INELIGIBLE',
      eligibility: {},
      details: {},
      bookedAt: new Date(),
    },
  });
  // What its schedules stored, before reports and evaluation were per program.
  await owner.monthlyReport.create({ data: { month: '2026-10', data: { figures: {} } } });
  await owner.evaluationResult.create({ data: { figures: {} } });
});

const programOf = async (table: 'referral' | 'booking', id: string) =>
  table === 'referral'
    ? (await db().referral.findUniqueOrThrow({ where: { id }, select: { programId: true } })).programId
    : (await db().booking.findUniqueOrThrow({ where: { id }, select: { programId: true } })).programId;

test('the records of a deployment of one program become its own when the program starts', async () => {
  expect(await programOf('referral', before.cases[0]!)).toBeNull();
  await seedPrograms(
    db(),
    readProgramFiles([programSource(DEFAULT_CONFIG_FILE), programSource(HARBOR_COUNTY_CONFIG_FILE)]),
  );
  for (const id of before.cases) expect(await programOf('referral', id)).toBe('burien');
  expect(await programOf('booking', before.booking)).toBe('burien');
  expect(await db().referral.count()).toBe(2);
  // The first program started (the served one) takes the stored months and figures; the second none.
  expect(await db().monthlyReport.findMany({ select: { month: true, caseIdPrefix: true } })).toEqual([
    { month: '2026-10', caseIdPrefix: 'BUR' },
  ]);
  expect(await db().evaluationResult.findMany({ select: { caseIdPrefix: true } })).toEqual([{ caseIdPrefix: 'BUR' }]);
});

test("a new case's or booking's row names the program its id's prefix names; an unknown prefix names none", async () => {
  const harbor = caseIdFor('HBR', 's-4');
  const unknown = caseIdFor('ZZZ', 's-5');
  await db().referral.createMany({ data: [referralRow(harbor), referralRow(unknown)] });
  expect(await programOf('referral', harbor)).toBe('harbor-county');
  expect(await programOf('referral', unknown)).toBeNull();
  expect(await programOf('referral', caseIdFor('BUR', 's-1'))).toBe('burien');
});

test('a program added later takes none of the months or figures stored without a program (an old worker may still store one)', async () => {
  await db().monthlyReport.create({ data: { month: '2026-11', data: { figures: {} } } });
  const raw = JSON.parse(readFileSync(HARBOR_COUNTY_CONFIG_FILE, 'utf8')) as { program: Record<string, string> };
  raw.program.caseIdPrefix = 'RIV';
  raw.program.name = 'Riverside LEAD';
  expect(await addProgram(db(), programWrite('riverside', raw, 'a third program'), undefined)).toBe(true);
  expect(
    await db().monthlyReport.findMany({ select: { month: true, caseIdPrefix: true }, orderBy: { month: 'asc' } }),
  ).toEqual([
    { month: '2026-10', caseIdPrefix: 'BUR' },
    { month: '2026-11', caseIdPrefix: null },
  ]);
});
