/**
 * When to try again after the service said "not now" (429, 5xx): never sooner than it asked —
 * `Retry-After` in seconds or as an HTTP date, else the `RateLimit` header's reset (IETF draft 8
 * `t=`, draft 7 `reset=`) or `RateLimit-Reset` — and, however often it says so, backing off
 * exponentially up to a cap. Pure functions, so the page and a unit test agree.
 */
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60_000;
/** A server's hint longer than this is read as a mistake: the page asks again after this long. */
export const RETRY_HINT_MAX_MS = 3_600_000;

/** How long the service asked the client to wait, in ms; undefined when it did not say. */
export function serverWaitMs(headers: Pick<Headers, 'get'>, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) {
      // Against the service's own clock when it sent one: the device's clock may be off.
      const served = Date.parse(headers.get('date') ?? '');
      return Math.max(0, at - (Number.isNaN(served) ? now : served));
    }
  }
  const rateLimit = headers.get('ratelimit');
  const reset = rateLimit && /(?:^|[;,\s])(?:t|reset)=(\d+)/.exec(rateLimit);
  if (reset) return Number(reset[1]) * 1000;
  const legacy = headers.get('ratelimit-reset')?.trim();
  if (legacy && /^\d+$/.test(legacy)) return Number(legacy) * 1000;
  return undefined;
}

/**
 * The wait before attempt `attempt + 1` (attempt 0 is the first "not now"): the exponential backoff
 * (1 s, 2 s, 4 s … up to the cap, with ±20 % jitter so that many pages do not return at once), or the
 * service's hint when it asked for longer; whole seconds, so the page can count them down.
 */
export function retryDelayMs(attempt: number, hintMs?: number, random = Math.random): number {
  const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt) * (0.8 + 0.4 * random()));
  const wait = Math.max(Math.min(hintMs ?? 0, RETRY_HINT_MAX_MS), backoff);
  return Math.max(1, Math.ceil(wait / 1000)) * 1000;
}
