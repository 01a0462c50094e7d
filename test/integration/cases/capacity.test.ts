import { apiAs, waitFor } from '../../support/api-client';
import { readCase, settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { loadConfig } from '../../../src/config/load-config';

/**
 * R-SC-CAPACITY with one case-manager FTE: 25 places. Arrest diversions are always taken and count
 * when enrolled; approved social contacts wait, oldest approval first, and are released automatically.
 */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let sergeant: ReturnType<typeof apiAs>;
let caseManager: ReturnType<typeof apiAs>;
beforeAll(async () => {
  const config = loadConfig();
  config.capacity.caseManagerFte = 1;
  stack = await startTestStack({ config });
  officer = apiAs(stack.baseUrl, 'officer');
  sergeant = apiAs(stack.baseUrl, 'sergeant');
  caseManager = apiAs(stack.baseUrl, 'case_manager');
});
afterAll(async () => {
  await stack?.stop();
});

async function enrolledArrestDiversion(): Promise<string> {
  const caseId = await submitArrest(stack, arrestReferral());
  await caseManager.act(caseId, 'screening');
  await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  const res = await caseManager.act(caseId, 'intake');
  expect(res.body.case.stage).toBe('ENROLLED');
  return caseId;
}

async function approvedSocialContact(): Promise<string> {
  const res = await officer.post('/api/referrals/social-contacts', socialContactReferral());
  expect(res.status).toBe(201);
  const approval = await sergeant.act(res.body.caseId, 'approval-decision', { decision: 'APPROVE' });
  expect(approval.status).toBe(200);
  return res.body.caseId;
}

const capacity = async () => (await apiAs(stack.baseUrl, 'supervisor').get('/api/capacity')).body;

test('with 25 places and 25 participants a newly approved social contact waits; an arrest diversion is still taken; an exit releases the oldest approval', async () => {
  const participants: string[] = [];
  for (let i = 0; i < 25; i++) participants.push(await enrolledArrestDiversion());
  await waitFor(async () => (await capacity()).participants?.length === 25, '25 participants counted');
  expect(await capacity()).toMatchObject({ places: 25, free: 0 });

  const older = await approvedSocialContact();
  await stack.env.sleep('1 hour');
  const newer = await approvedSocialContact();
  await settled(stack, older);
  await settled(stack, newer);
  expect((await readCase(stack, older)).stage).toBe('WAITING_FOR_CAPACITY');
  expect((await readCase(stack, newer)).stage).toBe('WAITING_FOR_CAPACITY');
  expect((await capacity()).waiting.map((w: { caseId: string }) => w.caseId)).toEqual([older, newer]);

  const arrest = await submitArrest(stack, arrestReferral());
  expect((await readCase(stack, arrest)).stage).toBe('AWAITING_SCREENING');

  const exit = await caseManager.act(participants[7], 'exit', { reason: 'TRANSITIONED_OUT' });
  expect(exit.body.case.stage).toBe('EXITED');
  const released = await waitFor(async () => {
    const view = await readCase(stack, older);
    return view.stage === 'AWAITING_CONTACT' ? view : undefined;
  }, 'the oldest approval to be released');
  expect(released.capacity).toBe('GRANTED');
  expect(released.events.map((e: { type: string }) => e.type)).toContain('PLACE_GRANTED');
  expect((await readCase(stack, newer)).stage).toBe('WAITING_FOR_CAPACITY');
  expect(await capacity()).toMatchObject({ free: 0, reserved: [older], waiting: [{ caseId: newer }] });
  expect((await capacity()).participants).toHaveLength(24);
});
