import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { caseSettled, noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Fault: the SMTP relay is down for a while. Notices are retried with backoff and delivered once it
 * returns; a missed-intake notice still undelivered past its confirmation window (R-MISSED, here
 * shortened by configuration) makes the case stuck and visible to supervisors until it goes out.
 */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('smtp-outage', (config) => {
    config.durations.intakeDeadline = '20 seconds';
    config.durations.missedNoticeConfirmWithin = '15 seconds';
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('SMTP down: notices retried with backoff, the case flagged stuck past R-MISSED, everything delivered once after', async () => {
  const port = stack.mail.port;
  const stoppedAt = Date.now();
  await stack.mail.stop();
  const created = await apiAs(stack.baseUrl, 'officer').postOk('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await apiAs(stack.baseUrl, 'case_manager').actOk(caseId, 'screening');

  const supervisor = apiAs(stack.baseUrl, 'supervisor');
  const stuck = await waitFor(
    async () => {
      const res = await supervisor.getOk('/api/stuck');
      return res.body?.lists?.missedNoticeUnconfirmed?.cases?.some((c: { caseId: string }) => c.caseId === caseId)
        ? res.body
        : undefined;
    },
    'the case to show as stuck (missed-intake notice unconfirmed)',
    120_000,
  );
  expect(stuck.counts.missedNoticeUnconfirmed).toBeGreaterThanOrEqual(1);
  const pending = await stack.db.notification.findMany({ where: { referralId: caseId } });
  expect(pending.every((n) => n.status !== 'SENT')).toBe(true);
  expect(Math.max(...pending.map((n) => n.attempts))).toBeGreaterThan(1);
  expect(pending.find((n) => n.lastError)?.lastError).toMatch(/ECONNREFUSED/);

  await stack.mail.start(port);
  const restartedAt = Date.now();
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 4,
    'every notice once SMTP is back',
    240_000,
  );
  const recoveryMs = Date.now() - restartedAt;
  await waitFor(
    async () =>
      !(await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } })).stuckReasons.includes(
        'MISSED_NOTICE_UNCONFIRMED',
      ),
    'the stuck flag to clear',
    60_000,
  );
  await caseSettled(stack, caseId);
  const counts = noticeCounts(stack.mail, caseId);
  expect(Object.values(counts)).toEqual([1, 1, 1, 1]);
  console.log(
    `[fault] SMTP down ${((restartedAt - stoppedAt) / 1000).toFixed(0)} s: ${pending.length} notices retried (up to ${Math.max(...pending.map((n) => n.attempts))} attempts), case flagged stuck, all delivered ${(recoveryMs / 1000).toFixed(1)} s after SMTP returned; duplicates: none`,
  );
}, 420_000);
