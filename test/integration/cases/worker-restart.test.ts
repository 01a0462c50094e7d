import { apiAs } from '../../support/api-client';
import { mailFor, ruleOf, settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, BURIEN_SERGEANTS, COUNTY_PROSECUTOR, ON_CALL_CASE_MANAGERS } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Workers come and go; cases do not notice. Workers here keep no cache: every task replays history. */
let stack: TestStack;
let caseManager: ReturnType<typeof apiAs>;
beforeAll(async () => {
  stack = await startTestStack({ stickyCache: false });
  caseManager = apiAs(stack.baseUrl, 'case_manager');
});
afterAll(async () => {
  await stack?.stop();
});

const felony = () => arrestReferral();

test('a worker restarted in the middle of a case resumes it with no duplicate notice', async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.act(caseId, 'screening');
  await settled(stack, caseId);
  await stack.stopWorker();
  await stack.startWorker(); // a new worker with an empty cache: it rebuilds the case by replaying its history
  await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  await settled(stack, caseId);
  await stack.stopWorker();
  await stack.startWorker();
  await stack.env.sleep('30 days');
  const view = await settled(stack, caseId);
  expect(view.stage).toBe('INTAKE_MISSED');
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
  expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-MISSED']);
  const events = await stack.db.caseEvent.findMany({ where: { referralId: caseId }, orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.seq)).toEqual(view.events.map((e: { seq: number }) => e.seq));
});
