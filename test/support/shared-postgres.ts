import { randomBytes } from 'node:crypto';
import { LEAD_APP_ROLE, LEAD_OWNER_ROLE, newRole } from '../../src/db/embedded-database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres';
import { APPLICATION_GROUP, provisionLeadDatabase, urlFor, withClient } from '../../src/db/provision';
import { applyMigrations } from '../../src/db/schema-engine';

/**
 * One real PostgreSQL server for the whole integration layer (started by its global setup), holding
 * the product's database provisioned and migrated once as a template. Each test file gets a database
 * of its own, copied from the template in a fraction of a second — the same roles, grants and schema
 * as `npm start`'s — instead of starting, provisioning and migrating a server of its own.
 */
const ENV = 'LEAD_TEST_POSTGRES';
const TEMPLATE = 'lead_template';

interface SharedPostgresSettings {
  adminUrl: string;
  owner: { name: string; password: string };
  app: { name: string; password: string };
}

export async function startSharedPostgres(): Promise<EmbeddedPostgres> {
  // Every file's API and worker pools (about 15 connections each), two files at a time, and then some.
  const server = await startEmbeddedPostgres({ maxConnections: 300 });
  const owner = newRole(LEAD_OWNER_ROLE);
  const app = newRole(LEAD_APP_ROLE);
  const { ownerUrl } = await provisionLeadDatabase(server.adminUrl(), { database: TEMPLATE, owner, app });
  await applyMigrations(ownerUrl);
  const settings: SharedPostgresSettings = { adminUrl: server.adminUrl(), owner, app };
  process.env[ENV] = JSON.stringify(settings);
  return server;
}

export const sharedPostgresStarted = () => process.env[ENV] !== undefined;

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  /** The server's superuser on this database (provisioning only). */
  adminUrl: string;
  drop(): Promise<void>;
}

/** A database of the test file's own on the shared server, copied from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const raw = process.env[ENV];
  if (!raw) throw new Error(`${ENV} is not set: the integration layer's global setup starts the shared PostgreSQL`);
  const { adminUrl, owner, app } = JSON.parse(raw) as SharedPostgresSettings;
  const database = `lead_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, async (admin) => {
    const db = admin.escapeIdentifier(database);
    await admin.query(`CREATE DATABASE ${db} OWNER ${admin.escapeIdentifier(owner.name)} TEMPLATE ${TEMPLATE}`);
    // Database-level rights are not copied from a template: grant them as provisioning does.
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${admin.escapeIdentifier(APPLICATION_GROUP)}`);
  });
  const databaseAdminUrl = new URL(adminUrl);
  databaseAdminUrl.pathname = `/${database}`;
  return {
    ownerUrl: urlFor(adminUrl, owner, database),
    appUrl: urlFor(adminUrl, app, database),
    adminUrl: databaseAdminUrl.toString(),
    drop: async () => {
      await withClient(adminUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`),
      );
    },
  };
}
