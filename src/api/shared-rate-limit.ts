import rateLimit, { type Options, type RateLimitRequestHandler, type Store } from 'express-rate-limit';
import type { PrismaClient } from '../generated/prisma/client';

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
    private readonly db: PrismaClient,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    this.sweepNowAndThen();
    const [row] = await this.db.$queryRaw<Array<{ hits: number; resetAt: Date }>>`
      INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt")
      VALUES (${this.prefix + key}, 1, now() + ${this.windowMs}::double precision * interval '1 millisecond')
      ON CONFLICT ("key") DO UPDATE SET
        "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."hits" + 1 END,
        "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."resetAt"
                    ELSE "RateLimitCounter"."resetAt" END
      RETURNING "hits", "resetAt"`;
    return { totalHits: row.hits, resetTime: row.resetAt };
  }

  async get(key: string) {
    const [row] = await this.db.$queryRaw<Array<{ hits: number; resetAt: Date }>>`
      SELECT "hits", "resetAt" FROM "RateLimitCounter" WHERE "key" = ${this.prefix + key} AND "resetAt" > now()`;
    return row ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }

  async decrement(key: string) {
    await this.db.$executeRaw`
      UPDATE "RateLimitCounter" SET "hits" = "hits" - 1
      WHERE "key" = ${this.prefix + key} AND "hits" > 0 AND "resetAt" > now()`;
  }

  async resetKey(key: string) {
    await this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${this.prefix + key}`;
  }

  private sweepNowAndThen() {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < now() - interval '1 hour'`.catch(
      () => undefined,
    );
  }
}

/**
 * A rate limit whose counters every API process shares (`name` keeps its keys apart from other limits'):
 * express-rate-limit's options, with the standard RateLimit and Retry-After headers.
 */
export function sharedRateLimit(
  db: PrismaClient,
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
