/**
 * Applies prisma/migrations to the database as its owner (MIGRATION_DATABASE_URL, else DATABASE_URL)
 * and records them in `_prisma_migrations`, exactly as `prisma migrate deploy` does — offline, through
 * Prisma's schema engine compiled to WebAssembly.
 */
import { applyMigrations } from '../db/schema-engine';
import { readEnvironment, requireFor } from './environment';
import { say, complain } from '../process/terminal';

const env = readEnvironment();
requireFor(env, 'Migrations', [], [['MIGRATION_DATABASE_URL', 'DATABASE_URL']]);
applyMigrations((env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL)!)
  .then((applied) => say(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.'))
  .catch((err) => {
    complain(err instanceof Error ? err.message : err);
    process.exit(1);
  });
