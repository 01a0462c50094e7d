import type { PrismaClient } from '../generated/prisma/client';
import type { Role } from '../shared/roles';
import { hashPassword, verifyPassword } from './passwords';
import { DEMO_REFUSED, type AccountPolicy } from './accounts';
import type { Identity } from './tokens';

/** Demo people for the embedded default, one per role (and one per prosecutor office). */
export const DEMO_USERS: Array<{
  id: string;
  displayName: string;
  role: Role;
  office?: string;
  agency?: string;
  badge?: string;
}> = [
  { id: 'demo-officer', displayName: 'Officer Dana Reyes', role: 'officer', agency: 'BURIEN_PD', badge: 'B-1047' },
  { id: 'demo-sergeant', displayName: 'Sergeant Lee Park', role: 'sergeant', agency: 'BURIEN_PD' },
  { id: 'demo-case-manager', displayName: 'Case manager Robin Ochoa', role: 'case_manager' },
  { id: 'demo-prosecutor', displayName: 'Deputy prosecutor Ari Stone', role: 'prosecutor', office: 'KCPAO' },
  {
    id: 'demo-city-attorney',
    displayName: 'City attorney Jo Winter',
    role: 'prosecutor',
    office: 'BURIEN_CITY_ATTORNEY',
  },
  { id: 'demo-project-manager', displayName: 'PDA project manager Sam Ito', role: 'project_manager' },
  { id: 'demo-supervisor', displayName: 'Operational lead Kim Adair', role: 'supervisor' },
  { id: 'demo-doc-nci', displayName: 'DOC NCI officer Pat Hale', role: 'doc_nci' },
  { id: 'demo-evaluator', displayName: 'Evaluator Dr. Lee Moreno', role: 'evaluator' },
];

/** Creates the demo users that are missing (their passwords are hashed with scrypt): the embedded database only. */
export async function seedDemoUsers(db: PrismaClient, password: string): Promise<void> {
  const existing = new Set((await db.user.findMany({ select: { id: true } })).map((u) => u.id));
  for (const user of DEMO_USERS.filter((u) => !existing.has(u.id))) {
    await db.user.create({ data: { ...user, demo: true, passwordHash: await hashPassword(password) } });
  }
}

export class DemoAccountRefused extends Error {}

// Compared against when the user does not exist, so a wrong username takes as long as a wrong password.
let decoy: Promise<string> | undefined;

export async function checkCredentials(
  db: PrismaClient,
  username: string,
  password: string,
  policy: AccountPolicy,
): Promise<Identity | undefined> {
  const user = await db.user.findUnique({ where: { id: username } });
  decoy ??= hashPassword('decoy-password');
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || user.disabled || !ok) return undefined;
  if (user.demo && !policy.demoUsers) throw new DemoAccountRefused(DEMO_REFUSED);
  return {
    id: user.id,
    role: user.role as Role,
    name: user.displayName,
    office: user.office ?? undefined,
    agency: user.agency ?? undefined,
    badge: user.badge ?? undefined,
    sessionVersion: user.sessionVersion,
  };
}
