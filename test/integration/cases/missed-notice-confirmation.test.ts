import { apiAs, waitFor } from '../../support/api-client';
import { mailFor, readCase, ruleOf, settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, COUNTY_PROSECUTOR } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { loadConfig } from '../../../src/config/load-config';

/**
 * R-MISSED (Decision): the missed-intake notice is retried until delivered, and a case whose notice is
 * not confirmed sent within the confirmation window is flagged stuck. The window is configuration;
 * this jurisdiction uses one hour so the retries stay few.
 */
let stack: TestStack;
beforeAll(async () => {
  const config = loadConfig();
  config.durations.missedNoticeConfirmWithin = 3600_000;
  stack = await startTestStack({ config });
});
afterAll(async () => {
  await stack?.stop();
});

test('SMTP down at the deadline: retried, flagged stuck after the window, delivered once when SMTP returns', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'screening');
  await settled(stack, caseId);
  const port = stack.mail.port;
  await stack.mail.stop();

  await stack.env.sleep('30 days');
  await stack.env.sleep('61 minutes');
  const stuck = await waitFor(async () => {
    const view = await readCase(stack, caseId);
    return view.stuck.some((f: { reason: string }) => f.reason === 'MISSED_NOTICE_UNCONFIRMED') ? view : undefined;
  }, 'the case to be flagged stuck');
  expect(stuck.stage).toBe('INTAKE_MISSED');
  expect(stuck.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-MISSED').status).toBe('OVERDUE');
  const pending = await stack.db.notification.findFirstOrThrow({
    where: { referralId: caseId, kind: 'INTAKE_MISSED', recipientRole: 'prosecutor' },
  });
  expect(pending.status).toBe('PENDING');
  expect(pending.attempts).toBeGreaterThan(1);
  expect(pending.lastError).toMatch(/ECONNREFUSED/);
  expect((await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } })).stuckReasons).toEqual([
    'MISSED_NOTICE_UNCONFIRMED',
  ]);

  await stack.mail.start(port);
  await stack.env.sleep('15 minutes'); // the next retry
  const delivered = await settled(stack, caseId);
  expect(delivered.stuck).toEqual([]);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
});
