import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
import { provisionLeadDatabase, type ProvisionedUrls, type RoleCredentials } from './provision';
import { applyMigrations } from './schema-engine';

/** The roles the product's database is used through (src/db/provision.ts). */
export const LEAD_DATABASE = 'lead';
export const LEAD_OWNER_ROLE = 'lead_owner';
export const LEAD_APP_ROLE = 'lead_app';

export const newRole = (name: string): RoleCredentials => ({ name, password: randomBytes(18).toString('hex') });

export interface EmbeddedLeadDatabase extends ProvisionedUrls {
  server: EmbeddedPostgres;
  /** Migrations applied by this start (empty when none were pending). */
  applied: string[];
  stop(): Promise<void>;
}

/**
 * The embedded default: a real PostgreSQL server with the product's database provisioned under least
 * privilege (an owner that migrates, an application role that does the rest) and migrations applied.
 * Role passwords are given, or kept beside a persistent data directory (`<dataDir>.roles.json`, readable
 * by its owner only) so that they stay the same across restarts; a temporary server's are new.
 */
export async function startEmbeddedLeadDatabase(
  options: EmbeddedPostgresOptions & { passwords?: { owner: string; app: string } } = {},
): Promise<EmbeddedLeadDatabase> {
  const server = await startEmbeddedPostgres(options);
  const passwords = options.passwords ?? (options.dataDir ? keptRolePasswords(options.dataDir) : undefined);
  const role = (name: string, password?: string) => (password ? { name, password } : newRole(name));
  try {
    const urls = await provisionLeadDatabase(server.adminUrl(), {
      database: LEAD_DATABASE,
      owner: role(LEAD_OWNER_ROLE, passwords?.owner),
      app: role(LEAD_APP_ROLE, passwords?.app),
    });
    const applied = await applyMigrations(urls.ownerUrl);
    return { server, ...urls, applied, stop: () => server.stop() };
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw err;
  }
}

/** The roles' passwords of a persistent data directory, made once and kept beside it. */
function keptRolePasswords(dataDir: string): { owner: string; app: string } {
  const file = `${dataDir}.roles.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { owner: string; app: string };
  const passwords = { owner: newRole(LEAD_OWNER_ROLE).password, app: newRole(LEAD_APP_ROLE).password };
  writeFileSync(file, JSON.stringify(passwords), { mode: 0o600 });
  return passwords;
}
