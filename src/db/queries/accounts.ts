import type { Database } from './database';

/** Local accounts and sessions (User, RevokedSession): who may sign in, and which sessions have ended. */

/** What a session check needs of the account, if there is one, and whether the session was signed out. */
export async function sessionStandingOf(db: Database, userId: string, sessionId: string | undefined) {
  const [account, signedOut] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { disabled: true, demo: true, sessionVersion: true } }),
    sessionId ? db.revokedSession.findUnique({ where: { id: sessionId }, select: { id: true } }) : null,
  ]);
  return { account, signedOut: signedOut !== null };
}

/** Ends a session for good (kept until `expiresAt`), and forgets the ended sessions that have expired anyway. */
export async function revokeSession(db: Database, s: { sessionId: string; userId: string; expiresAt: Date }) {
  await db.revokedSession.upsert({
    where: { id: s.sessionId },
    create: { id: s.sessionId, userId: s.userId, expiresAt: s.expiresAt },
    update: {},
  });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/** The account of this user id, if any. */
export function accountById(db: Database, userId: string) {
  return db.user.findUnique({ where: { id: userId } });
}

/** The ids of every account. */
export async function accountIds(db: Database): Promise<Set<string>> {
  return new Set((await db.user.findMany({ select: { id: true } })).map((u) => u.id));
}

/** Creates an account. */
export function createAccount(
  db: Database,
  account: {
    id: string;
    displayName: string;
    passwordHash: string;
    role: string;
    office?: string | null;
    agency?: string | null;
    badge?: string | null;
    programs?: string[];
    demo?: boolean;
  },
) {
  return db.user.create({ data: account });
}

/** Issue 26: the demo people of `npm start` that name no program belong to these. */
export function giveDemoAccountsPrograms(db: Database, programs: string[]) {
  return db.user.updateMany({ where: { demo: true, programs: { isEmpty: true } }, data: { programs } });
}

/** A new password: every session of the account ends at once. */
export function resetAccountPassword(db: Database, userId: string, passwordHash: string) {
  return db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** No sign-in, and every session of the account ends at once. */
export function disableAccount(db: Database, userId: string) {
  return db.user.update({ where: { id: userId }, data: { disabled: true, sessionVersion: { increment: 1 } } });
}

/** The account may sign in again. */
export function enableAccount(db: Database, userId: string) {
  return db.user.update({ where: { id: userId }, data: { disabled: false } });
}

/** Every account, by id. */
export function allAccounts(db: Database) {
  return db.user.findMany({ orderBy: { id: 'asc' } });
}
