import type { Database } from './database';

/** The database answers (a health check). */
export const pingDatabase = (db: Database) => db.$queryRaw`SELECT 1`;

/** The database's health check (src/process/health-checks.ts runs it with the others). */
export const databaseCheck = (db: Database) => () => pingDatabase(db);
