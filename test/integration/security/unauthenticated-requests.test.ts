import { apiAs } from '../../support/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Requests without a valid sign-in: limited per address and from everyone together, in counters every
 * API process shares, and audited as counts per minute, address, route and answer — never one permanent
 * audit row each. The window is long enough that the test never crosses into the next one.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    trustProxy: 1,
    limits: {
      signInFailures: { windowMs: 60_000, perAddress: 10_000, accountBackoff: { firstMs: 0, maxMs: 0 } },
      unauthenticated: { windowMs: 10 * 60_000, perAddress: 5, total: 12 },
      submissions: { windowMs: 60_000, limit: 100_000 },
      orderChecks: { windowMs: 60_000, limit: 100_000 },
    },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const anonymous = async (address: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${stack.baseUrl}/api/caseload`, { headers: { 'x-forwarded-for': address, ...headers } });
  return { status: res.status, error: ((await res.json()) as { error?: { code: string; message: string } }).error };
};

test('issue 22 item 9: requests without a sign-in are limited per address and overall (429), and audited as counts, not a row each', async () => {
  // Per address: five, then 429 — an expired or forged token is no sign-in either.
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await anonymous('203.0.113.1')).status);
  const limited = await anonymous('203.0.113.1', { authorization: 'Bearer forged' });
  expect([...statuses, limited.status]).toEqual([401, 401, 401, 401, 401, 429]);
  expect(limited.error).toEqual({
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many requests without a sign-in from this network; wait 10 minutes or sign in',
  });
  // Signed-in people behind that address are not counted here.
  const supervisor = await fetch(`${stack.baseUrl}/api/stuck`, {
    headers: {
      'x-forwarded-for': '203.0.113.1',
      authorization: `Bearer ${(await stack.tokens.issue({ id: 'sup-9', role: 'supervisor' })).token}`,
    },
  });
  expect(supervisor.status).toBe(200);

  // Overall: the five above and seven from other addresses make twelve; the next is refused, wherever from.
  const others = [];
  for (let i = 2; i <= 9; i++) others.push((await anonymous(`203.0.113.${i}`)).status);
  expect(others).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
  expect((await anonymous('203.0.113.10')).error?.message).toMatch(/to this service right now/);
  expect((await apiAs(stack.baseUrl, 'supervisor').get('/api/stuck')).status).toBe(200);

  // Audited in aggregate: no audit row without an actor, one count per address, route and answer.
  expect(await stack.db.auditEntry.count({ where: { actorId: null } })).toBe(0);
  const counts = await stack.db.unauthenticatedRequestCount.groupBy({
    by: ['address', 'method', 'route', 'status'],
    _sum: { count: true },
    where: { address: { in: ['203.0.113.1', '203.0.113.9'] } },
    orderBy: [{ address: 'asc' }, { status: 'asc' }],
  });
  expect(counts.map((c) => [c.address, c.method, c.route, c.status, c._sum.count])).toEqual([
    ['203.0.113.1', 'GET', 'unmatched', 401, 5],
    ['203.0.113.1', 'GET', 'unmatched', 429, 1],
    ['203.0.113.9', 'GET', 'unmatched', 429, 1],
  ]);
  // The application adds to the counts; it can neither lower nor remove one.
  await expect(stack.db.unauthenticatedRequestCount.deleteMany({})).rejects.toThrow(/permission denied/);
  await expect(stack.db.unauthenticatedRequestCount.updateMany({ data: { count: 0 } })).rejects.toThrow(/only grows/);
});
