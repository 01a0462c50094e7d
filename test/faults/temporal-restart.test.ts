import { apiAs, expectStatus, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { caseSettled, noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Fault: the Temporal server stops for longer than a case's clock and restarts with the same database
 * file. A timer that came due meanwhile fires after the restart; a referral made during the outage is
 * answered 503 and still starts once Temporal is back, without anyone resubmitting it.
 */
const SCREENING_OVERDUE_MS = 15_000;
const OUTAGE_MS = 25_000;
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('temporal-restart', (config) => {
    config.durations.screeningOverdueAfter = `${SCREENING_OVERDUE_MS / 1000} seconds`;
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('Temporal down past a case clock: timers due meanwhile fire after the restart; nothing is lost or sent twice', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const created = await officer.postOk('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'the first notices');

  const stoppedAt = Date.now();
  await stack.parts.temporal.stop('SIGTERM');
  const during = await officer.post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(during, 503);
  expect(during.body.error.code).toBe('WORKFLOW_SERVICE_UNAVAILABLE');
  const ready = await fetch(`${stack.baseUrl}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ database: 'ok', temporal: 'unreachable' });
  // The outage itself (the fault injected): long enough that the case's R-SCREEN clock comes due in it.
  await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));

  await stack.parts.temporal.start();
  const restartedAt = Date.now();
  const stuck = await waitFor(
    async () => {
      const row = await stack.db.referral.findUnique({ where: { id: caseId } });
      return row?.stuckReasons.includes('SCREENING_OVERDUE') ? row : undefined;
    },
    'the screening-overdue timer after the restart',
    120_000,
  );
  const timerRecoveryMs = Date.now() - restartedAt;
  expect(stuck.stage).toBe('AWAITING_SCREENING');
  expect(await stack.db.caseEvent.count({ where: { referralId: caseId, type: 'SCREENING_OVERDUE' } })).toBe(1);

  // The referral answered 503 during the outage was recorded; the worker starts its workflow.
  const pending = await stack.db.referral.findFirstOrThrow({ where: { createdAt: { gte: new Date(stoppedAt) } } });
  // Its clocks count from when the API accepted it (R-INTAKE, Decision 2026-12-02), not from the late
  // start: its screening clock came due during the outage, so its R-SCREEN reminder is owed as well.
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, pending.id)).length === 3,
    'the outage referral to start and notify (R-CALL, R-PACKET, and the R-SCREEN reminder its clock owes)',
    120_000,
  );
  const referralRecoveryMs = Date.now() - restartedAt;
  await caseSettled(stack, caseId);
  // The barrier for the event rows: the case has projected every event it recorded (mail can come first).
  await caseSettled(stack, pending.id);
  expect(await stack.db.caseEvent.count({ where: { referralId: pending.id, type: 'SCREENING_OVERDUE' } })).toBe(1);
  // R-CALL, R-PACKET and the R-SCREEN reminder of the overdue screening: each once.
  expect(Object.values(noticeCounts(stack.mail, caseId))).toEqual([1, 1, 1]);
  expect(Object.values(noticeCounts(stack.mail, pending.id)).every((n) => n === 1)).toBe(true);
  await waitFor(
    async () => (await fetch(`${stack.baseUrl}/readyz`)).status === 200,
    'the API to be ready again',
    30_000,
  );
  console.log(
    `[fault] Temporal down ${((restartedAt - stoppedAt) / 1000).toFixed(0)} s: overdue timer fired ${(timerRecoveryMs / 1000).toFixed(1)} s after restart; outage referral started ${(referralRecoveryMs / 1000).toFixed(1)} s after restart; duplicates: none`,
  );
}, 300_000);
