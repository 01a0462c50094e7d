import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import {
  HARBOR_COUNTY_CONFIG_FILE,
  programSource,
  readProgramFiles,
  seedPrograms,
} from '../../../src/programs/program-sources';
import type { Role } from '../../../src/shared/roles';
import { apiAs, defaultScope } from '../../support/api-client';
import { submitArrest } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 26 item 3 through the API: a Burien case, read by every role that reads it — as a sign-in
 * naming Burien, naming no program, and naming Harbor County only. The last knows nothing of it: the
 * case answers 404, no list or search holds it.
 */
let stack: TestStack;
let caseId: string;
beforeAll(async () => {
  stack = await startTestStack();
  await seedPrograms(
    stack.db,
    readProgramFiles([programSource(DEFAULT_CONFIG_FILE), programSource(HARBOR_COUNTY_CONFIG_FILE)]),
  );
  caseId = await submitArrest(stack, arrestReferral());
});
afterAll(async () => {
  await stack?.stop();
});

const as = (role: Role, programs?: string[]) =>
  apiAs(stack.baseUrl, role, `${role}-1`, { ...defaultScope(role), ...(programs ? { programs } : {}) });
/** The lists the new case is on, with its notices: the officer's own referrals, the office's notices. */
const LISTS: Partial<Record<Role, string>> = {
  officer: '/api/referrals/mine',
  prosecutor: '/api/queues/prosecutor',
};
const listed = async (role: Role, programs?: string[]) => {
  const list = LISTS[role];
  if (!list) return undefined;
  const res = await as(role, programs).getOk(list);
  return JSON.stringify(res.body).includes(caseId);
};
const found = async (role: Role, programs?: string[]) =>
  JSON.stringify((await as(role, programs).getOk(`/api/search?caseId=${caseId}`)).body).includes(caseId);

test('the case is recorded as Burien’s', async () => {
  expect(caseId.startsWith('BUR-')).toBe(true);
  expect((await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } })).programId).toBe('burien');
});

test.each(['officer', 'sergeant', 'prosecutor', 'case_manager', 'project_manager', 'supervisor'] as Role[])(
  '%s: read naming Burien or no program; nothing of it naming Harbor County only',
  async (role) => {
    for (const programs of [['burien'], undefined, ['harbor-county', 'burien']]) {
      expect({ programs, status: (await as(role, programs).get(`/api/cases/${caseId}`)).status }).toEqual({
        programs,
        status: 200,
      });
      expect(await found(role, programs)).toBe(true);
      if (LISTS[role]) expect(await listed(role, programs)).toBe(true);
    }
    const other = ['harbor-county'];
    const read = await as(role, other).get(`/api/cases/${caseId}`);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('Avery');
    expect(await found(role, other)).toBe(false);
    if (LISTS[role]) expect(await listed(role, other)).toBe(false);
    expect((await as(role, other).get(`/api/cases/${caseId}/packet`)).status).toBe(404);
  },
);

test('R-DISCLOSE: the accounting names the program of the case each disclosure showed', async () => {
  const shown = await stack.db.disclosure.findMany({ where: { caseId }, select: { programId: true, actorRole: true } });
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown.map((d) => d.programId))).toEqual(new Set(['burien']));
});
