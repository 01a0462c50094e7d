import { readdirSync } from 'node:fs';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createPrisma } from '../../src/db/prisma';
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR } from '../../src/db/schema-engine';

/** Migrations apply offline, are recorded as `prisma migrate deploy` records them, and match the schema. */
let pg: EmbeddedPostgres;
beforeAll(async () => {
  pg = await startEmbeddedPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

test('every migration applies once and is recorded in _prisma_migrations; the result matches schema.prisma', async () => {
  const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  expect(await applyMigrations(pg.url)).toEqual(folders);
  expect(await applyMigrations(pg.url)).toEqual([]);
  const db = createPrisma(pg.url, 1);
  try {
    const recorded = await db.$queryRaw<{ migration_name: string; finished_at: Date | null; checksum: string }[]>`SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((r) => r.migration_name)).toEqual(folders);
    expect(recorded.every((r) => r.finished_at && r.checksum.length === 64)).toBe(true);
  } finally {
    await db.$disconnect();
  }
  expect(await diffDatabaseToSchema(pg.url)).toMatch(/empty migration/);
});
