import { RETRY_CAP_MS, retryDelayMs, serverWaitMs } from '../../src/web/client/retry';

/**
 * Issue 23: the referral page retries a referral the service answered 429 or 5xx by itself — never
 * sooner than the service asked (Retry-After in seconds or as an HTTP date, the RateLimit headers),
 * backing off exponentially up to a cap.
 */
const headers = (h: Record<string, string>) => new Headers(h);
const NOW = Date.parse('2026-12-03T12:00:00Z');

test('Retry-After in seconds, as an HTTP date (read against the service’s Date), or the RateLimit reset', () => {
  expect(serverWaitMs(headers({ 'Retry-After': '120' }), NOW)).toBe(120_000);
  expect(
    serverWaitMs(
      headers({ 'Retry-After': 'Thu, 03 Dec 2026 12:00:30 GMT', Date: 'Thu, 03 Dec 2026 12:00:00 GMT' }),
      NOW + 3_600_000, // the device's clock is an hour off: the service's own clock counts
    ),
  ).toBe(30_000);
  expect(serverWaitMs(headers({ 'Retry-After': 'Thu, 03 Dec 2026 12:00:10 GMT' }), NOW)).toBe(10_000);
  expect(serverWaitMs(headers({ 'Retry-After': 'Thu, 03 Dec 2026 11:00:00 GMT' }), NOW)).toBe(0);
  // IETF draft 8 (what express-rate-limit sends here), draft 7, and the older RateLimit-Reset.
  expect(serverWaitMs(headers({ RateLimit: '"submissions";r=0;t=42' }), NOW)).toBe(42_000);
  expect(serverWaitMs(headers({ RateLimit: 'limit=10, remaining=0, reset=7' }), NOW)).toBe(7_000);
  expect(serverWaitMs(headers({ 'RateLimit-Reset': '5' }), NOW)).toBe(5_000);
  expect(serverWaitMs(headers({ 'Retry-After': '3', RateLimit: '"p";r=0;t=40' }), NOW)).toBe(3_000);
  expect(serverWaitMs(headers({}), NOW)).toBeUndefined();
  expect(serverWaitMs(headers({ 'Retry-After': 'soon' }), NOW)).toBeUndefined();
});

test('the wait backs off exponentially up to the cap, is never shorter than the service asked, and is whole seconds', () => {
  const middle = () => 0.5; // no jitter
  expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => retryDelayMs(n, undefined, middle))).toEqual([
    1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
  ]);
  expect(retryDelayMs(0, 2_000, middle)).toBe(2_000);
  expect(retryDelayMs(0, 2_300, middle)).toBe(3_000);
  expect(retryDelayMs(5, 2_000, middle)).toBe(32_000); // backing off still, though the service said 2 s
  expect(retryDelayMs(0, 600_000, middle)).toBe(600_000); // the service asked for longer than the cap
  for (const r of [0, 0.999]) expect(retryDelayMs(20, undefined, () => r)).toBeLessThanOrEqual(RETRY_CAP_MS);
  expect(retryDelayMs(0, 0, () => 0)).toBe(1_000);
});
