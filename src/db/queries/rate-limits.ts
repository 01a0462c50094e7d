import type { Database } from './database';

/** The rate limits' counters, shared by every API process (`RateLimitCounter`). */

/** Counts one hit of the key in its window (a new window once the last one ended). */
export async function hitRateLimit(db: Database, key: string, windowMs: number) {
  const [row] = await db.$queryRaw<Array<{ hits: number; resetAt: Date }>>`
    INSERT INTO "RateLimitCounter" ("key", "hits", "resetAt")
    VALUES (${key}, 1, now() + ${windowMs}::double precision * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."hits" + 1 END,
      "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."resetAt"
                  ELSE "RateLimitCounter"."resetAt" END
    RETURNING "hits", "resetAt"`;
  return row;
}

/** The key's hits in its current window, if one is under way. */
export async function rateLimitHits(db: Database, key: string) {
  const [row] = await db.$queryRaw<Array<{ hits: number; resetAt: Date }>>`
    SELECT "hits", "resetAt" FROM "RateLimitCounter" WHERE "key" = ${key} AND "resetAt" > now()`;
  return row as { hits: number; resetAt: Date } | undefined;
}

/** Takes back one hit of the key in its current window. */
export async function unhitRateLimit(db: Database, key: string) {
  await db.$executeRaw`
    UPDATE "RateLimitCounter" SET "hits" = "hits" - 1
    WHERE "key" = ${key} AND "hits" > 0 AND "resetAt" > now()`;
}

/** Forgets the key's counter. */
export async function resetRateLimit(db: Database, key: string) {
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${key}`;
}

/** Forgets the counters whose window ended over an hour ago. */
export async function sweepRateLimits(db: Database) {
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < now() - interval '1 hour'`;
}
