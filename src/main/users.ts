/**
 * `npm run users -- <command>`: the people who sign in locally, provisioned as the database's owner
 * (MIGRATION_DATABASE_URL; the application role may read accounts but not make or change them). With
 * neither MIGRATION_DATABASE_URL nor DATABASE_URL set, the embedded database of `npm start`, whose URLs
 * it writes into LEAD_DATA_DIR (src/main/embedded-database-file.ts).
 *   add <id> --name "<display name>" --role <role> [--agency <agency>] [--office <office>] [--badge <badge>]
 *       [--program <program id> …]   the programs the person belongs to (issue 26; none: not limited)
 *   reset <id>        a new password; every session of the account ends at once
 *   disable <id>      no sign-in, and every session ends at once
 *   enable <id>
 *   list
 * A new password is printed once; only its scrypt hash is stored.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEMO_ID_PREFIX, hasDemoId } from '../auth/demo-people';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config/load-config';
import type { LeadConfig } from '../config/config-schema';
import { createPrisma, type PrismaClient } from '../db/prisma';
import { programsInForce } from '../db/queries/programs';
import {
  accountById,
  allAccounts,
  createAccount,
  disableAccount,
  enableAccount,
  resetAccountPassword,
} from '../db/queries/accounts';
import { isDatabaseUnavailable } from '../db/unavailable';
import { ROLES, type Role } from '../shared/roles';
import { embeddedDatabaseFile, readEmbeddedDatabaseFile } from './embedded-database-file';
import { readEnvironment, type Environment } from './environment';
import { say, complain } from '../process/terminal';

class UsageError extends Error {}

const ID = /^[a-z0-9][a-z0-9._-]{1,99}$/i;
const newPassword = () => randomBytes(15).toString('base64url');

function checkId(id: string | undefined): string {
  if (!id) throw new UsageError("id: give the account's id (what the person types to sign in)");
  if (!ID.test(id)) throw new UsageError(`id: "${id}" must be 2–100 letters, digits, ".", "_" or "-"`);
  if (hasDemoId(id)) throw new UsageError(`id: "${DEMO_ID_PREFIX}" is reserved for the demo people of \`npm start\``);
  return id;
}

/** What each role needs besides a name: officers and sergeants an agency, prosecutors an office (R-JURISDICTION). */
function checkRole(
  config: LeadConfig,
  role: string | undefined,
  agency: string | undefined,
  office: string | undefined,
  badge: string | undefined,
): { role: Role; agency?: string; office?: string; badge?: string } {
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role: one of ${ROLES.join(', ')}`);
  const needsAgency = role === 'officer' || role === 'sergeant';
  if (needsAgency && (!agency || !config.agencies[agency]))
    throw new UsageError(`--agency: a ${role} belongs to one of ${Object.keys(config.agencies).join(', ')}`);
  if (role === 'prosecutor' && (!office || !config.offices[office]))
    throw new UsageError(`--office: a prosecutor belongs to one of ${Object.keys(config.offices).join(', ')}`);
  if (!needsAgency && agency) throw new UsageError(`--agency: only officers and sergeants have one`);
  if (role !== 'prosecutor' && office) throw new UsageError(`--office: only prosecutors have one`);
  if (badge !== undefined && (role !== 'officer' || !/^[\w-]{1,50}$/.test(badge)))
    throw new UsageError('--badge: an officer\'s badge or personnel number (letters, digits, "-"; officers only)');
  return { role: role as Role, agency, office, ...(badge ? { badge } : {}) };
}

/** Issue 26: the programs a person belongs to, each one the deployment runs. */
async function checkPrograms(db: PrismaClient, given: string[]): Promise<string[]> {
  if (given.length === 0) return [];
  const known = (await programsInForce(db)).map((p) => p.id);
  const unknown = given.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--program: ${unknown.join(', ')} is not a program of this service (${known.join(', ') || 'it runs none yet'})`,
    );
  return [...new Set(given)];
}

async function existing(db: PrismaClient, id: string) {
  const user = await accountById(db, id);
  if (!user) throw new UsageError(`id: no account "${id}"`);
  return user;
}

async function run(db: PrismaClient, config: LeadConfig, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      office: { type: 'string' },
      badge: { type: 'string' },
      program: { type: 'string', multiple: true },
    },
  });
  const [command, rawId] = positionals;
  switch (command) {
    case 'add': {
      const id = checkId(rawId);
      if (!values.name?.trim()) throw new UsageError("--name: give the person's name as colleagues know it");
      const role = checkRole(config, values.role, values.agency, values.office, values.badge);
      const programs = await checkPrograms(db, values.program ?? []);
      if (await accountById(db, id))
        throw new UsageError(`id: an account "${id}" already exists (reset or enable it instead)`);
      const password = newPassword();
      await createAccount(db, {
        id,
        displayName: values.name.trim(),
        ...role,
        programs,
        passwordHash: await hashPassword(password),
      });
      const scope = [role.role, role.agency, role.office, ...programs].filter(Boolean).join(', ');
      return `Added ${id} (${scope}). Password, shown once: ${password}`;
    }
    case 'reset': {
      const user = await existing(db, checkId(rawId));
      const password = newPassword();
      await resetAccountPassword(db, user.id, await hashPassword(password));
      return `Reset ${user.id}: its sessions have ended. New password, shown once: ${password}`;
    }
    case 'disable': {
      const user = await existing(db, checkId(rawId));
      await disableAccount(db, user.id);
      return `Disabled ${user.id}: it cannot sign in, and its sessions have ended.`;
    }
    case 'enable': {
      const user = await existing(db, checkId(rawId));
      await enableAccount(db, user.id);
      return `Enabled ${user.id}.`;
    }
    case 'list': {
      const users = await allAccounts(db);
      return (
        users
          .map((u) =>
            [
              u.id,
              u.role,
              u.agency ?? u.office ?? '',
              u.programs.join(','),
              u.disabled ? 'disabled' : 'active',
              u.demo ? 'demo' : '',
              u.displayName,
            ].join('\t'),
          )
          .join('\n') || 'No accounts.'
      );
    }
    default:
      throw new UsageError(
        'command: one of add, reset, disable, enable, list (npm run users -- add <id> --name "…" --role <role> [--agency …] [--office …] [--badge …] [--program …])',
      );
  }
}

/** The application role's refusal (a missing privilege, or the accounts trigger), said as what to do instead. */
function asUsageError(err: unknown, url: string): unknown {
  const message = err instanceof Error ? err.message : String(err);
  if (!/permission denied|provisioned by/.test(message)) return err;
  const role = decodeURIComponent(new URL(url).username);
  return new UsageError(
    `MIGRATION_DATABASE_URL: the role "${role}" may not provision people (the application role only reads accounts); give the database owner's URL (README, "Accounts")`,
  );
}

/** The owner's URL: given, or the one `npm start` wrote for its embedded database. */
function databaseUrl(env: Environment): { url: string; embedded: boolean } {
  const given = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  if (given) return { url: given, embedded: false };
  const embedded = readEmbeddedDatabaseFile(env.LEAD_DATA_DIR);
  if (embedded) return { url: embedded.ownerUrl, embedded: true };
  throw new UsageError(
    `no database: set MIGRATION_DATABASE_URL to the database owner's URL, or start \`npm start\` once, whose embedded database it then uses (${embeddedDatabaseFile(env.LEAD_DATA_DIR)} is missing)`,
  );
}

/** A database that cannot be reached, or refuses the role, said in one sentence. */
function asConnectionError(err: unknown, url: string, embedded: boolean): unknown {
  const { host, port, username } = new URL(url);
  const where = `${host}${port ? '' : ':5432'}`;
  if (isDatabaseUnavailable(err))
    return new UsageError(
      embedded
        ? `the embedded database of \`npm start\` (${where}) does not answer: start \`npm start\` and run this again`
        : `the database at ${where} does not answer: is it running, and is the URL right?`,
    );
  const text = `${(err as Error)?.message ?? ''} ${JSON.stringify((err as { meta?: unknown })?.meta ?? '')}`;
  if (/3D000|DatabaseDoesNotExist|database "[^"]+" does not exist/i.test(text))
    return new UsageError(
      `the server at ${where} has no database "${new URL(url).pathname.slice(1)}": is the URL right?`,
    );
  if (/password authentication failed|AuthenticationFailed/i.test(text))
    return new UsageError(
      `the database at ${where} refused the password of the role "${decodeURIComponent(username)}"`,
    );
  return err;
}

async function main() {
  const env = readEnvironment();
  const { url, embedded } = databaseUrl(env);
  const db = createPrisma(url, 1);
  try {
    say(
      await run(db, loadConfig(), process.argv.slice(2)).catch((err) =>
        Promise.reject(asConnectionError(asUsageError(err, url), url, embedded) as Error),
      ),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  complain(
    err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `users: ${(err as Error).message}`
      : err,
  );
  process.exit(1);
});
