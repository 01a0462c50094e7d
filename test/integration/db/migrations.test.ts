import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
const roles = { owner: newRole(LEAD_OWNER_ROLE), app: newRole(LEAD_APP_ROLE) };
beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  urls = await provisionLeadDatabase(pg.adminUrl(), { database: 'lead', ...roles });
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

test('issue 22 item 5: the clean-up marks every demo person an earlier version seeded, demo-doc-nci included', async () => {
  const DEMO_MIGRATION = '20261202223004_demo_people_by_prefix';
  // The database as the version before the clean-up left it: its migrations only.
  const earlier = mkdtempSync(path.join(os.tmpdir(), 'lead-migrations-'));
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true }))
    if (!entry.isDirectory() || entry.name < DEMO_MIGRATION)
      cpSync(path.join(MIGRATIONS_DIR, entry.name), path.join(earlier, entry.name), { recursive: true });
  const before = await provisionLeadDatabase(pg.adminUrl(), { database: 'lead_before_clean_up', ...roles });
  const db = createPrisma(before.ownerUrl, 1);
  try {
    await applyMigrations(before.ownerUrl, earlier);
    // What `npm start` of that version seeded into whatever DATABASE_URL named, beside a real person.
    const seeded = ['demo-doc-nci', 'demo-evaluator', 'demo-supervisor', 'ana.lopez'];
    // In SQL, with that version's columns: today's client would write columns that version lacks.
    for (const id of seeded)
      await db.$executeRaw`INSERT INTO "User" (id, "displayName", role, "passwordHash", demo) VALUES (${id}, ${id}, 'supervisor', 'x', false)`;
    expect(await applyMigrations(before.ownerUrl)).toContain(DEMO_MIGRATION);
    const marked = await db.user.findMany({ select: { id: true, demo: true }, orderBy: { id: 'asc' } });
    expect(marked).toEqual([
      { id: 'ana.lopez', demo: false },
      { id: 'demo-doc-nci', demo: true },
      { id: 'demo-evaluator', demo: true },
      { id: 'demo-supervisor', demo: true },
    ]);
  } finally {
    await db.$disconnect();
    rmSync(earlier, { recursive: true, force: true });
  }
});
