import rateLimit, { type Options, type RateLimitRequestHandler, type Store } from 'express-rate-limit';
import type { Database } from '../db/queries/database';
import {
  hitRateLimit,
  rateLimitHits,
  resetRateLimit,
  sweepRateLimits,
  unhitRateLimit,
} from '../db/queries/rate-limits';

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * express-rate-limit's counters kept in PostgreSQL (table RateLimitCounter), so that a limit holds
 * across every API process behind the front: one fixed window per key, counted by one atomic upsert on
 * the database's clock. Expired windows are swept now and then.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastSweep = Date.now();

  constructor(
    private readonly db: Database,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    this.sweepNowAndThen();
    const row = await hitRateLimit(this.db, this.prefix + key, this.windowMs);
    return { totalHits: row.hits, resetTime: row.resetAt };
  }

  async get(key: string) {
    const row = await rateLimitHits(this.db, this.prefix + key);
    return row ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }

  async decrement(key: string) {
    await unhitRateLimit(this.db, this.prefix + key);
  }

  async resetKey(key: string) {
    await resetRateLimit(this.db, this.prefix + key);
  }

  private sweepNowAndThen() {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    sweepRateLimits(this.db).catch(() => undefined);
  }
}

/**
 * A rate limit whose counters every API process shares (`name` keeps its keys apart from other limits'):
 * express-rate-limit's options, with the standard RateLimit and Retry-After headers.
 */
export function sharedRateLimit(
  db: Database,
  name: string,
  options: Partial<Omit<Options, 'store'>>,
): RateLimitRequestHandler {
  return rateLimit({
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...options,
    store: new PostgresRateLimitStore(db, `${name}:`),
  });
}
