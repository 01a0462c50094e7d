import { accountById, accountIds, createAccount, giveDemoAccountsPrograms } from '../db/queries/accounts';
import type { Database } from '../db/queries/database';
import type { Role } from '../shared/roles';
import { DEMO_USERS, HARBOR_COUNTY_DEMO_USERS, isDemoAccount } from './demo-people';
import { hashPassword, verifyPassword } from './passwords';
import { DEMO_REFUSED, type AccountPolicy } from './accounts';
import type { Identity } from './tokens';

export { DEMO_USERS };

/**
 * Creates the demo users that are missing (their passwords are hashed with scrypt): the embedded database
 * only. Given programs (issue 26), every demo person naming none is made one of them.
 */
export async function seedDemoUsers(db: Database, password: string, programs: string[] = []): Promise<void> {
  const existing = await accountIds(db);
  const served = programs.slice(0, 1);
  // Issue 26: the one list's people are the served program's; Harbor County's, its own where it runs.
  const people = [
    ...DEMO_USERS.map((user) => ({ ...user, programs: served })),
    ...HARBOR_COUNTY_DEMO_USERS.filter((u) => programs.slice(1).includes(u.program)).map(({ program, ...user }) => ({
      ...user,
      programs: [program],
    })),
  ];
  for (const user of people.filter((u) => !existing.has(u.id))) {
    await createAccount(db, { ...user, demo: true, passwordHash: await hashPassword(password) });
  }
  if (served.length > 0) await giveDemoAccountsPrograms(db, served);
}

export class DemoAccountRefused extends Error {}

// Compared against when the user does not exist, so a wrong username takes as long as a wrong password.
let decoy: Promise<string> | undefined;

export async function checkCredentials(
  db: Database,
  username: string,
  password: string,
  policy: AccountPolicy,
): Promise<Identity | undefined> {
  const user = await accountById(db, username);
  decoy ??= hashPassword('decoy-password');
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || user.disabled || !ok) return undefined;
  if (isDemoAccount(user) && !policy.demoUsers) throw new DemoAccountRefused(DEMO_REFUSED);
  return {
    id: user.id,
    role: user.role as Role,
    name: user.displayName,
    office: user.office ?? undefined,
    agency: user.agency ?? undefined,
    badge: user.badge ?? undefined,
    sessionVersion: user.sessionVersion,
    ...(user.programs.length > 0 ? { programs: user.programs } : {}),
  };
}
