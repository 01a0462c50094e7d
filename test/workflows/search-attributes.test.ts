import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from '@temporalio/worker';
import { waitFor } from '../support/wait-for';
import {
  act,
  ACTORS,
  arrestInput,
  createTestWorker,
  DAY,
  DEFAULT_POLICY,
  endStarted,
  HOUR,
  newCaseId,
  RecordingActivities,
  settled,
  socialInput,
  startArrest,
  startSocial,
  startWorkflowEnv,
  useFreshTaskQueue,
  type WorkflowTestEnv,
} from '../support/workflow-env';

/**
 * The README's saved queries for the Temporal Web UI, each run through the client's list API against
 * the CLI's dev server (with its visibility store), returning exactly the expected cases — whose search
 * attributes the real workflow code keeps current.
 */
const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const queries = Object.fromEntries(
  [...README.matchAll(/^\| ([^|]+) \| `([^`]+)` \|$/gm)].map((m) => [m[1].trim(), m[2]]),
);

let wf: WorkflowTestEnv;
let worker: Worker;
let running: Promise<void>;
const ids: Record<string, string> = {};
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeAll(async () => {
  wf = await startWorkflowEnv({ server: 'dev' });
  useFreshTaskQueue(wf);
  // No places: an approved social contact waits.
  worker = await createTestWorker(wf, new RecordingActivities().forwardCapacity(wf, 0));
  running = worker.run();
  const arrest = async (name: string, referredAt: string, screened: boolean, overrides = {}) => {
    ids[name] = await startArrest(wf, arrestInput({ referredAt, ...overrides }));
    if (screened) await act(wf, ids[name], 'recordScreening');
  };
  await arrest('dueIn2Days', ago(28 * DAY), true);
  await arrest('dueIn10Days', ago(20 * DAY), true);
  await arrest('screeningOverdue', ago(5 * HOUR), false);
  await arrest('missedCounty', ago(31 * DAY), true);
  await arrest('missedCity', ago(31 * DAY), true, { prosecutorOffice: 'BURIEN_CITY_ATTORNEY' });
  await arrest('awaitingNci', ago(HOUR), false, { docNciReview: true });
  await arrest('overrideOverdue', ago(HOUR), false, {
    overrideRequest: { reason: 'booked; sergeant to review', ruleIds: ['R-EX-HISTORY'] },
    // On a real clock: the override is unreviewed "24 h" within seconds.
    policy: { ...DEFAULT_POLICY, overrideOverdueAfterMs: 2000 },
  });
  ids.harborCounty = await startArrest(wf, arrestInput({ referralId: newCaseId('HBR') }));
  ids.awaitingApproval = await startSocial(wf, socialInput());
  ids.waitingForPlace = await startSocial(wf, socialInput());
  await act(wf, ids.waitingForPlace, 'decideApproval', { decision: 'APPROVE' }, ACTORS.sergeant);
  for (const id of Object.values(ids)) await settled(wf, id);
}, 120_000);
afterAll(async () => {
  await endStarted(wf);
  worker?.shutdown();
  await running;
  await wf?.stop();
});

async function run(what: string): Promise<string[]> {
  const now = new Date();
  const query = queries[what]
    .replace('{now+3d}', new Date(now.getTime() + 3 * DAY).toISOString())
    .replace('{now}', now.toISOString());
  const found: string[] = [];
  for await (const execution of wf.env.client.workflow.list({ query })) found.push(execution.workflowId);
  return found.sort();
}

/** Visibility is eventually consistent: wait until the query returns exactly the expected cases. */
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
test("issue 26: Harbor County's running cases", () => expectQuery("Harbor County's running cases", ['harborCounty']));
