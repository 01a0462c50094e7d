import { apiAs, expectStatus, refusalOf } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * An action on a case the database shows open but whose workflow the engine does not show running
 * (not started yet, or still loading after a restart) is answered 503 CASE_NOT_READY — resend — and
 * records nothing; "closed" (409) is kept for cases that are.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('an open case the engine does not show running answers 503 CASE_NOT_READY and records nothing', async () => {
  const created = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(created, 201);
  const caseId: string = created.body.caseId;
  await settled(stack, caseId); // its first steps recorded, so nothing lands after the count below
  await stack.env.client.workflow.getHandle(caseId).terminate('test: the engine does not show it running');
  const events = await stack.db.caseEvent.count({ where: { referralId: caseId } });

  const res = await apiAs(stack.baseUrl, 'case_manager').post(`/api/cases/${caseId}/screening`, {});
  expect({ status: res.status, code: refusalOf(res)?.code }).toEqual({ status: 503, code: 'CASE_NOT_READY' });
  expect(await stack.db.caseEvent.count({ where: { referralId: caseId } })).toBe(events);
});
