import type { PrismaClient } from '../../generated/prisma/client';

/** The wait after one wrong password, its ceiling, and how long without an attempt before it starts over. */
export interface SignInBackoff {
  firstMs: number;
  maxMs: number;
  forgetAfterMs: number;
}

export type AttemptClaim = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One account's key: user ids compare as people type them, whatever the case. */
const accountKey = (username: string) => username.trim().toLowerCase();

/**
 * Claims a sign-in attempt for an account, in one atomic statement every API process shares (table
 * SignInBackoff): refused while the account's wait runs; otherwise counted as a failure in advance —
 * the next attempt waits first·2^(failures−1), at most max — until `signInSucceeded` clears it. Counting
 * first means parallel guesses cannot all slip in before the first one fails. An unknown username is
 * slowed the same way, so the wait says nothing of which accounts exist.
 */
export async function claimSignInAttempt(
  db: PrismaClient,
  username: string,
  backoff: SignInBackoff,
): Promise<AttemptClaim> {
  const account = accountKey(username);
  const claimed = await db.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "SignInBackoff" ("account", "failures", "nextAttemptAt", "lastAttemptAt")
    VALUES (${account}, 1, now() + ${backoff.firstMs}::double precision * interval '1 millisecond', now())
    ON CONFLICT ("account") DO UPDATE SET
      "failures" = CASE
        WHEN "SignInBackoff"."lastAttemptAt" < now() - ${backoff.forgetAfterMs}::double precision * interval '1 millisecond'
        THEN 1 ELSE "SignInBackoff"."failures" + 1 END,
      "nextAttemptAt" = now() + LEAST(
        CASE
          WHEN "SignInBackoff"."lastAttemptAt" < now() - ${backoff.forgetAfterMs}::double precision * interval '1 millisecond'
          THEN ${backoff.firstMs}::double precision
          ELSE ${backoff.firstMs}::double precision * power(2, LEAST("SignInBackoff"."failures", 40))
        END,
        ${backoff.maxMs}::double precision
      ) * interval '1 millisecond',
      "lastAttemptAt" = now()
    WHERE "SignInBackoff"."nextAttemptAt" <= now()
    RETURNING "failures"`;
  if (claimed.length > 0) return { allowed: true };
  const [waiting] = await db.$queryRaw<Array<{ ms: number }>>`
    SELECT GREATEST(EXTRACT(EPOCH FROM ("nextAttemptAt" - now())) * 1000, 0)::float8 AS ms
    FROM "SignInBackoff" WHERE "account" = ${account}`;
  return { allowed: false, retryAfterMs: Math.ceil(waiting?.ms ?? backoff.firstMs) };
}

/** The right password: the account's count starts over. */
export async function signInSucceeded(db: PrismaClient, username: string): Promise<void> {
  await db.signInBackoff.deleteMany({ where: { account: accountKey(username) } });
}
