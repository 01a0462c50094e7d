import { readdirSync } from 'node:fs';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/db/embedded-postgres';
import { LEAD_APP_ROLE, LEAD_OWNER_ROLE, newRole } from '../../../src/db/embedded-database';
import { createPrisma } from '../../../src/db/prisma';
import { provisionLeadDatabase, type ProvisionedUrls } from '../../../src/db/provision';
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR } from '../../../src/db/schema-engine';

/**
 * Migrations apply offline, as the database's owner (not a superuser), are recorded as
 * `prisma migrate deploy` records them, and match the schema.
 */
let pg: EmbeddedPostgres;
let urls: ProvisionedUrls;
beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  urls = await provisionLeadDatabase(pg.adminUrl(), {
    database: 'lead',
    owner: newRole(LEAD_OWNER_ROLE),
    app: newRole(LEAD_APP_ROLE),
  });
});
afterAll(async () => {
  await pg?.stop();
});

test('every migration applies once and is recorded in _prisma_migrations; the result matches schema.prisma', async () => {
  const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  expect(await applyMigrations(urls.ownerUrl)).toEqual(folders);
  expect(await applyMigrations(urls.ownerUrl)).toEqual([]);
  const db = createPrisma(urls.ownerUrl, 1);
  try {
    const recorded = await db.$queryRaw<
      { migration_name: string; finished_at: Date | null; checksum: string }[]
    >`SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((r) => r.migration_name)).toEqual(folders);
    expect(recorded.every((r) => r.finished_at && r.checksum.length === 64)).toBe(true);
  } finally {
    await db.$disconnect();
  }
  expect(await diffDatabaseToSchema(urls.ownerUrl)).toMatch(/empty migration/);
});
