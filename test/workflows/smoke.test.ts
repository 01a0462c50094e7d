import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral, COUNTY_PROSECUTOR, ON_CALL_CASE_MANAGERS } from '../support/referrals';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('smoke: referral → screening → consent → intake → enrolled', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const cm = apiAs(stack.baseUrl, 'case_manager');
  const res = await officer.post('/api/referrals/arrest-diversions', arrestReferral());
  console.log(JSON.stringify(res.body, null, 1).slice(0, 1500));
  expect(res.status).toBe(201);
  const caseId = res.body.caseId;
  expect((await cm.act(caseId, 'screening')).status).toBe(200);
  await stack.env.sleep('29 days');
  expect((await cm.act(caseId, 'consent', { method: 'WRITTEN' })).status).toBe(200);
  const intake = await cm.act(caseId, 'intake');
  console.log(JSON.stringify(intake.body).slice(0, 500));
  expect(intake.body.case.stage).toBe('ENROLLED');
  await new Promise((r) => setTimeout(r, 3000));
  console.log(JSON.stringify(await stack.db.notification.findMany(), null, 1), stack.mail.messages.length);
  await waitFor(() => stack.mail.to(COUNTY_PROSECUTOR).length === 1 && stack.mail.to(ON_CALL_CASE_MANAGERS).length === 1, 'mails');
  console.log(stack.mail.messages.map((m) => `${m.to} ${m.subject}\n${m.text}`).join('\n---\n'));
});
