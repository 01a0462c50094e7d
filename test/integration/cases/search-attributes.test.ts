import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiAs, waitFor } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { loadConfig } from '../../../src/config/load-config';

/**
 * The README's saved queries for the Temporal Web UI, each run through the client's list API against a
 * real dev server (with its visibility store), returning exactly the expected workflows.
 */
const README = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const queries = Object.fromEntries(
  [...README.matchAll(/^\| ([^|]+) \| `([^`]+)` \|$/gm)].map((m) => [m[1].trim(), m[2]]),
);

let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
const ids: Record<string, string> = {};
const DAY = 86400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeAll(async () => {
  const config = loadConfig();
  config.durations.maxReferralBackdate = 40 * DAY;
  config.capacity.caseManagerFte = 0; // no places: an approved social contact waits
  config.durations.overrideOverdueAfter = 2000; // on a real clock: the override is unreviewed "24 h" within seconds
  stack = await startTestStack({ timeSkipping: false, config });
  officer = apiAs(stack.baseUrl, 'officer');
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const sergeant = apiAs(stack.baseUrl, 'sergeant');
  const arrest = async (
    name: string,
    referredAt: string,
    screened: boolean,
    overrides: Record<string, unknown> = {},
  ) => {
    const res = await officer.post('/api/referrals/arrest-diversions', arrestReferral({ referredAt, ...overrides }));
    expect(res.status).toBe(201);
    ids[name] = res.body.caseId;
    if (screened) expect((await caseManager.act(ids[name], 'screening')).status).toBe(200);
  };
  await arrest('dueIn2Days', ago(28 * DAY), true);
  await arrest('dueIn10Days', ago(20 * DAY), true);
  await arrest('screeningOverdue', ago(5 * 3600_000), false);
  await arrest('missedCounty', ago(31 * DAY), true);
  await arrest('missedCity', ago(31 * DAY), true, { offenses: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }] });
  await arrest('awaitingNci', ago(3600_000), false, { warrants: [{ kind: 'DOC' }] });
  await arrest('overrideOverdue', ago(3600_000), false, {
    offenses: [{ code: 'DUI' }],
    overrideRequest: { reason: 'booked; sergeant to review' },
  });
  const social = async (name: string, approve: boolean) => {
    const res = await officer.post('/api/referrals/social-contacts', socialContactReferral());
    ids[name] = res.body.caseId;
    if (approve) expect((await sergeant.act(ids[name], 'approval-decision', { decision: 'APPROVE' })).status).toBe(200);
  };
  await social('awaitingApproval', false);
  await social('waitingForPlace', true);
  for (const id of Object.values(ids)) await settled(stack, id);
});
afterAll(async () => {
  await stack?.stop();
});

async function run(what: string): Promise<string[]> {
  const now = new Date();
  const query = queries[what]
    .replace('{now+3d}', new Date(now.getTime() + 3 * DAY).toISOString())
    .replace('{now}', now.toISOString());
  const found: string[] = [];
  for await (const wf of stack.env.client.workflow.list({ query })) found.push(wf.workflowId);
  return found.sort();
}

async function expectQuery(what: string, names: string[]) {
  const expected = names.map((n) => ids[n]).sort();
  await waitFor(
    async () => JSON.stringify(await run(what)) === JSON.stringify(expected),
    `"${what}" to return ${names.join(', ')}`,
  );
  expect(await run(what)).toEqual(expected);
}

test('the README lists the saved queries', () => {
  expect(Object.keys(queries).length).toBeGreaterThanOrEqual(9);
});

test('intake deadline passes in the next 3 days', () =>
  expectQuery('intake deadline passes in the next 3 days', ['dueIn2Days']));
test('every stuck case', () => expectQuery('every stuck case', ['screeningOverdue', 'overrideOverdue']));
test('screening not recorded 4 h after the call', () =>
  expectQuery('screening not recorded 4 h after the call', ['screeningOverdue']));
test('social contacts awaiting a sergeant', () =>
  expectQuery('social contacts awaiting a sergeant', ['awaitingApproval']));
test('approved social contacts waiting for a place', () =>
  expectQuery('approved social contacts waiting for a place', ['waitingForPlace']));
test("DOC warrants awaiting the NCI team's decision", () =>
  expectQuery("DOC warrants awaiting the NCI team's decision", ['awaitingNci']));
test('overrides unreviewed for 24 h', () => expectQuery('overrides unreviewed for 24 h', ['overrideOverdue']));
test('missed intakes for the county prosecutor', () =>
  expectQuery('missed intakes for the county prosecutor', ['missedCounty']));
test('cases whose next deadline has passed', () =>
  // Missed intakes wait for the prosecutor (their R-MISSED confirmation is met); the overdue screening's clock has passed.
  expectQuery('cases whose next deadline has passed', ['screeningOverdue', 'overrideOverdue']));
