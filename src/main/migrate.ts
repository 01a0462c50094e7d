/**
 * Applies prisma/migrations to DATABASE_URL and records them in `_prisma_migrations`, exactly as
 * `prisma migrate deploy` does — offline, through Prisma's schema engine compiled to WebAssembly.
 */
import { applyMigrations } from '../db/schema-engine';
import { readEnvironment, required } from './environment';

applyMigrations(required(readEnvironment(), 'DATABASE_URL'))
  .then((applied) => console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.'))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
