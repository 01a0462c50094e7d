import { apiAs, expectStatus, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { caseSettled, noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Fault: the worker is killed (SIGKILL) between a case action and the notices it causes — while the
 * SMTP relay is slow, so the notices are mid-delivery — then restarted. Every notice arrives once.
 */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('worker-crash');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('worker SIGKILLed mid-delivery: after restart the case resumes and every notice is sent exactly once', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const created = await officer.post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(created, 201);
  const caseId = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'R-CALL and R-PACKET');

  stack.mail.delayMs = 4_000; // the relay hangs before accepting each message
  const left = await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'left-before-screening');
  expect(left.status).toBe(200);
  await waitFor(
    async () =>
      (await stack.db.notification.count({
        where: { referralId: caseId, kind: 'LEFT_BEFORE_SCREENING', status: 'SENDING' },
      })) > 0,
    'a notice mid-delivery',
  );
  const killedAt = Date.now();
  await stack.parts.worker.stop('SIGKILL');
  stack.mail.delayMs = 0;
  expect(noticeCounts(stack.mail, caseId)).toEqual({
    [`${caseId}.1.case_manager`]: 1,
    [`${caseId}.1.prosecutor-KCPAO`]: 1,
  });

  await stack.parts.worker.start();
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 4,
    'the notices after the restart',
    120_000,
  );
  const recoveryMs = Date.now() - killedAt;
  await waitFor(
    async () => (await stack.db.notification.count({ where: { referralId: caseId, status: 'SENT' } })) === 4,
    'all notices marked sent',
    60_000,
  );
  await caseSettled(stack, caseId);
  const counts = noticeCounts(stack.mail, caseId);
  expect(Object.values(counts)).toEqual([1, 1, 1, 1]);
  const view = await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${caseId}`);
  expect(view.body.case.stage).toBe('LEFT_BEFORE_SCREENING');
  expect(view.body.case.notices.every((n: { status: string }) => n.status === 'SENT')).toBe(true);
  console.log(
    `[fault] worker SIGKILL mid-delivery: recovered in ${(recoveryMs / 1000).toFixed(1)} s; notices ${JSON.stringify(counts)}`,
  );
}, 240_000);
