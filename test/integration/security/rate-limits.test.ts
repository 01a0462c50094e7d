import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ApiLimits } from '../../../src/api/app';
import { createLogger } from '../../../src/logging';
import { CaseWorkflows } from '../../../src/temporal/case-workflows';
import { apiAs, waitFor } from '../../support/api-client';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, TEST_PASSWORD, type TestStack } from '../../support/test-stack';

/**
 * Rate limits on sign-in and on submissions (hostile input): 429, never a 5xx. The API sits behind one
 * trusted proxy here, as behind the production front: each test signs in from an address of its own
 * (X-Forwarded-For) with accounts of its own, so none depends on what another counted. A second API
 * process on the same database stands for the production front's two.
 */
const LIMITS: ApiLimits = {
  signInFailures: { windowMs: 60_000, perAddress: 10, accountBackoff: { firstMs: 200, maxMs: 800 } },
  unauthenticated: { windowMs: 60_000, perAddress: 1000, total: 10_000 },
  submissions: { windowMs: 60_000, limit: 5 },
  orderChecks: { windowMs: 60_000, limit: 100_000 },
};
/** Waits long enough that a test can send several requests inside one. */
const SLOW_LIMITS: ApiLimits = {
  ...LIMITS,
  signInFailures: { ...LIMITS.signInFailures, accountBackoff: { firstMs: 60_000, maxMs: 60_000 } },
};
let stack: TestStack;
const servers: Server[] = [];
/** Another API process on the same database. */
async function startApi(limits: ApiLimits): Promise<string> {
  const app = createApp({
    db: stack.db,
    cases: new CaseWorkflows(stack.env.client),
    config: stack.config,
    tokens: stack.tokens,
    demoUsers: true,
    limits,
    trustProxy: 1,
    log: createLogger('lead-api', 'warn'),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let second: string;
beforeAll(async () => {
  stack = await startTestStack({ trustProxy: 1, limits: LIMITS });
  second = await startApi(LIMITS);
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await stack?.stop();
});

const from =
  (address: string, baseUrl = stack.baseUrl) =>
  (username: string, password: string) =>
    fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
/** How long the account must wait after its latest failure, as stored. */
const storedWaitMs = async (account: string) => {
  const row = await stack.db.signInBackoff.findUniqueOrThrow({ where: { account } });
  return row.nextAttemptAt.getTime() - row.lastAttemptAt.getTime();
};

test('a shift signing in from one precinct address is never limited: successful sign-ins do not count', async () => {
  const attempt = from('198.51.100.10');
  const statuses = [];
  for (let i = 0; i < 30; i++)
    statuses.push((await attempt(['demo-officer', 'demo-sergeant', 'demo-case-manager'][i % 3], TEST_PASSWORD)).status);
  expect(new Set(statuses)).toEqual(new Set([200]));
});

test("issue 22 item 7: a wrong password slows the account's next attempt, doubling to a ceiling — its owner is never locked out", async () => {
  const attempt = from('198.51.100.20');
  expect((await attempt('demo-supervisor', 'guess-0')).status).toBe(401);
  // The wait over, the right password is accepted, and the count starts over.
  await waitFor(async () => (await attempt('demo-supervisor', TEST_PASSWORD)).status === 200, 'the owner signed in');
  expect(await stack.db.signInBackoff.count({ where: { account: 'demo-supervisor' } })).toBe(0);

  // Ten wrong passwords in a row (from another address: the per-address limit is not the point here),
  // each sent as soon as the wait allows: 200 ms doubling, at most 800 ms.
  const again = from('198.51.100.22');
  const waits = [];
  for (let i = 1; i <= 10; i++) {
    await waitFor(async () => (await again('Demo-Supervisor', `guess-${i}`)).status === 401, `wrong password ${i}`);
    waits.push(await storedWaitMs('demo-supervisor'));
  }
  expect(waits).toEqual([200, 400, 800, 800, 800, 800, 800, 800, 800, 800]);
  // Another account is not slowed by it; the owner gets in once the wait is over.
  expect((await attempt('demo-doc-nci', TEST_PASSWORD)).status).toBe(200);
  await waitFor(async () => (await attempt('demo-supervisor', TEST_PASSWORD)).status === 200, 'the owner signed in');
});

test('issue 22 item 7: while the wait runs every attempt is refused (429, Retry-After) by every API process; parallel guesses do not slip in', async () => {
  const [one, two] = [await startApi(SLOW_LIMITS), await startApi(SLOW_LIMITS)];
  const guesses = await Promise.all(
    Array.from({ length: 6 }, (_, i) => from('198.51.100.21', i % 2 ? two : one)('demo-evaluator', `guess-${i}`)),
  );
  expect(guesses.map((r) => r.status).sort()).toEqual([401, 429, 429, 429, 429, 429]);
  // Even the right password waits its turn, through either process: 429 saying how long.
  const waiting = await from('198.51.100.21', two)('demo-evaluator', TEST_PASSWORD);
  expect(waiting.status).toBe(429);
  const seconds = Number(waiting.headers.get('retry-after'));
  expect(seconds).toBeGreaterThan(30);
  expect(seconds).toBeLessThanOrEqual(60);
  expect((await waiting.json()).error).toMatchObject({
    code: 'SIGN_IN_WAIT',
    message: expect.stringContaining(`A wrong password was entered for this account: wait ${seconds} seconds`),
    retryAfterSeconds: seconds,
  });
});

test('wrong passwords are limited per address, across accounts and API processes; waiting for an account is not a failure', async () => {
  const statuses = [];
  // Ten accounts, one wrong password each, alternating between the two API processes.
  for (let i = 0; i < 10; i++)
    statuses.push((await from('198.51.100.30', i % 2 ? second : stack.baseUrl)(`nobody-${i}`, 'wrong')).status);
  expect(statuses).toEqual(Array(10).fill(401));
  const eleventh = await from('198.51.100.30')('demo-project-manager', 'wrong');
  expect(eleventh.status).toBe(429);
  expect((await eleventh.json()).error.message).toMatch(/this network/);
  // Another address is not limited by this one.
  expect((await from('198.51.100.31')('demo-project-manager', TEST_PASSWORD)).status).toBe(200);
  // An attempt refused while its account waits checked no password: it is not a failure of the address.
  const slow = from('198.51.100.32', await startApi(SLOW_LIMITS));
  expect((await slow('demo-city-attorney', 'wrong')).status).toBe(401);
  for (let i = 0; i < 12; i++) expect((await slow('demo-city-attorney', 'wrong')).status).toBe(429);
  for (let i = 0; i < 9; i++) expect((await slow(`stranger-${i}`, 'wrong')).status).toBe(401);
  expect((await slow('stranger-9', 'wrong')).status).toBe(429);
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

test("issue 22 item 10: one person's submissions are limited across every API process, not per process", async () => {
  const token = (await stack.tokens.issue({ id: 'two-front-officer', role: 'officer', agency: 'BURIEN_PD' })).token;
  const statuses: Record<string, number[]> = { first: [], second: [] };
  for (let i = 0; i < 10; i++) {
    const [name, baseUrl] = i % 2 ? ['second', second] : ['first', stack.baseUrl];
    const res = await fetch(`${baseUrl}/api/referrals/arrest-diversions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...arrestReferral(), agency: 'NOPE' }),
    });
    statuses[name].push(res.status);
  }
  // The documented 5 a minute in all: three through one process, two through the other, then 429 from both.
  expect(statuses).toEqual({ first: [400, 400, 400, 429, 429], second: [400, 400, 429, 429, 429] });
  expect(await stack.db.referral.count()).toBe(0);
});
