import { apiAs } from '../../support/api-client';
import { readCase, readWholeCase, settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { loadConfig } from '../../../src/config/load-config';

/**
 * Cases that live for years: an enrolled participant's workflow continues as new with its state
 * carried over, so its history stays bounded. Three years of monthly IIP reviews (36 case actions).
 *
 * This test runs on the real dev server: Temporal's Java time-skipping test server routes an Update
 * sent after a continue-as-new to the closed run (it is acknowledged, then lost), which the real
 * server does not do. The months are therefore not slept through; the history bound does not depend
 * on elapsed time, only on the number of events.
 */
let stack: TestStack;
const EVENTS_PER_RUN = 12;
beforeAll(async () => {
  const config = loadConfig();
  config.continueAsNewAfterEvents = EVENTS_PER_RUN;
  stack = await startTestStack({ config, timeSkipping: false });
});
afterAll(async () => {
  await stack?.stop();
});

test('three years of monthly events: bounded history per run, the whole case intact', async () => {
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const caseId = await submitArrest(stack, arrestReferral());
  const handle = stack.env.client.workflow.getHandle(caseId);
  const firstRun = (await handle.describe()).runId;
  await caseManager.act(caseId, 'screening');
  await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  const enrolled = await caseManager.act(caseId, 'intake');
  const enrolledAt = enrolled.body.case.enrolledAt;
  const goals = ['HOUSING', 'TREATMENT', 'EDUCATION', 'JOB_TRAINING', 'BENEFITS', 'CHILD_CARE'];
  const runs = new Set([firstRun]);
  let longestHistory = 0;
  for (let month = 1; month <= 36; month++) {
    const res = await caseManager.act(caseId, 'iip', { goals: [goals[month % goals.length]] });
    expect(res.status).toBe(200);
    await settled(stack, caseId);
    const { runId } = await handle.describe();
    runs.add(runId);
    const history = await stack.env.client.workflow.getHandle(caseId, runId).fetchHistory();
    longestHistory = Math.max(longestHistory, history.events?.length ?? 0);
  }
  const view = await readCase(stack, caseId);
  expect(view.stage).toBe('ENROLLED');
  expect(view.enrolledAt).toBe(enrolledAt);
  expect(view.events.filter((e: { type: string }) => e.type === 'IIP_RECORDED')).toHaveLength(36);
  expect((await readWholeCase(stack, caseId)).caseManagement.iip.goals).toEqual([goals[36 % goals.length]]);
  expect(view.events.map((e: { seq: number }) => e.seq)).toEqual(view.events.map((_: unknown, i: number) => i + 1));
  expect(runs.size).toBeGreaterThanOrEqual(3);
  expect(longestHistory).toBeLessThan(250);
  expect(await stack.db.caseEvent.count({ where: { referralId: caseId, type: 'IIP_RECORDED' } })).toBe(36);
  const attributes = (await handle.describe()).typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]);
  expect(attributes).toEqual(expect.arrayContaining([['LeadStage', 'ENROLLED']]));
  console.log(`[long-lived] 36 months: ${runs.size} runs, longest history ${longestHistory} events`);
});
