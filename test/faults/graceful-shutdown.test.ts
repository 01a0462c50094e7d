import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/** SIGTERM: the worker finishes the notice it is sending, then exits cleanly; the API likewise. */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('graceful-shutdown');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('worker and API stop cleanly on SIGTERM: in-flight work finishes, nothing is lost', async () => {
  stack.mail.delayMs = 3_000;
  const created = await apiAs(stack.baseUrl, 'officer').postOk('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await waitFor(
    async () => (await stack.db.notification.count({ where: { referralId: caseId, status: 'SENDING' } })) > 0,
    'a notice mid-delivery',
  );
  const started = Date.now();
  const workerExit = await stack.parts.worker.stop('SIGTERM');
  const shutdownMs = Date.now() - started;
  expect(workerExit).toBe(0);
  // The notice being sent when SIGTERM came was finished before the worker exited.
  expect(Object.keys(noticeCounts(stack.mail, caseId)).length).toBeGreaterThanOrEqual(1);
  stack.mail.delayMs = 0;
  await stack.parts.worker.start();
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'both notices', 120_000);
  expect(Object.values(noticeCounts(stack.mail, caseId))).toEqual([1, 1]);

  const apiExit = await stack.parts.api.stop('SIGTERM');
  expect(apiExit).toBe(0);
  await stack.parts.api.start();
  expect((await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}`)).status).toBe(200);
  console.log(
    `[fault] worker SIGTERM with a notice in flight: exited 0 after ${(shutdownMs / 1000).toFixed(1)} s, notice delivered once`,
  );
}, 300_000);
