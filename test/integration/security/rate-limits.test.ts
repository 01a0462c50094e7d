import { apiAs } from '../../support/api-client';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, TEST_PASSWORD, type TestStack } from '../../support/test-stack';

/**
 * Rate limits on sign-in and on submissions (hostile input): 429, never a 5xx. The API sits behind one
 * trusted proxy here, as behind the production front: each test signs in from an address of its own
 * (X-Forwarded-For) with accounts of its own, so none depends on what another counted.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    trustProxy: 1,
    limits: {
      signInFailures: { windowMs: 60_000, perAddress: 10, perAccount: 3 },
      submissions: { windowMs: 60_000, limit: 5 },
      orderChecks: { windowMs: 60_000, limit: 100_000 },
    },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const from = (address: string) => (username: string, password: string) =>
  fetch(`${stack.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });

test('a shift signing in from one precinct address is never limited: successful sign-ins do not count', async () => {
  const attempt = from('198.51.100.10');
  const statuses = [];
  for (let i = 0; i < 30; i++)
    statuses.push((await attempt(['demo-officer', 'demo-sergeant', 'demo-case-manager'][i % 3], TEST_PASSWORD)).status);
  expect(new Set(statuses)).toEqual(new Set([200]));
});

test('wrong passwords are limited per account (429 naming the account), even when the right one follows', async () => {
  const attempt = from('198.51.100.20');
  const statuses = [];
  for (let i = 0; i < 5; i++)
    statuses.push((await attempt('demo-supervisor', i === 4 ? TEST_PASSWORD : `guess-${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 429, 429]);
  const blocked = await attempt('demo-supervisor', TEST_PASSWORD);
  expect((await blocked.json()).error.message).toMatch(/this account/);
  // Another account from the same address is not locked by it.
  expect((await attempt('demo-doc-nci', TEST_PASSWORD)).status).toBe(200);
});

test('wrong passwords are limited per address, across accounts', async () => {
  const attempt = from('198.51.100.30');
  const accounts = ['demo-officer', 'demo-sergeant', 'demo-case-manager', 'demo-prosecutor', 'demo-city-attorney'];
  const statuses = [];
  // Two wrong passwords per account: under the account limit (3), ten from this address in all.
  for (const user of [...accounts, ...accounts]) statuses.push((await attempt(user, 'wrong')).status);
  expect(statuses).toEqual(Array(10).fill(401));
  const eleventh = await attempt('demo-project-manager', 'wrong');
  expect(eleventh.status).toBe(429);
  expect((await eleventh.json()).error.message).toMatch(/this network/);
  // Another address is not limited by this one.
  expect((await from('198.51.100.31')('demo-project-manager', TEST_PASSWORD)).status).toBe(200);
});

test('a burst of submissions from one person is limited (429) and records nothing', async () => {
  const officer = apiAs(stack.baseUrl, 'officer', 'bursty');
  const statuses = [];
  for (let i = 0; i < 7; i++)
    statuses.push(
      (await officer.post('/api/referrals/arrest-diversions', { ...arrestReferral(), agency: 'NOPE' })).status,
    );
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  expect(await stack.db.referral.count()).toBe(0);
});
