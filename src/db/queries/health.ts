import type { Database } from './database';

/** The database answers (a health check). */
export const pingDatabase = (db: Database) => db.$queryRaw`SELECT 1`;
