import { apiAs } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { startTestStack, TEST_PASSWORD, type TestStack } from '../support/test-stack';

/** Rate limits on sign-in and on submissions (hostile input): 429, never a 5xx. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ limits: { signIn: { windowMs: 60_000, limit: 3 }, submissions: { windowMs: 60_000, limit: 5 } } });
});
afterAll(async () => {
  await stack?.stop();
});

test('repeated sign-in attempts are slowed down (429)', async () => {
  const attempt = (password: string) =>
    fetch(`${stack.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-supervisor', password }) });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await attempt(i === 4 ? TEST_PASSWORD : `guess-${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 429, 429]);
});

test('a burst of submissions from one person is limited (429) and records nothing', async () => {
  const officer = apiAs(stack.baseUrl, 'officer', 'bursty');
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push((await officer.post('/api/referrals/arrest-diversions', { ...arrestReferral(), agency: 'NOPE' })).status);
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  expect(await stack.db.referral.count()).toBe(0);
});
