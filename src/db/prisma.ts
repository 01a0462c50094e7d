import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { timedQueries } from './timed-queries';

export type { PrismaClient };

/**
 * How long a transaction may wait for a pooled connection, and run. Under a burst every connection can
 * be busy for longer than Prisma's defaults (2 s, 5 s); waiting longer queues submissions instead of
 * failing them, within the API's and the activities' own time limits.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/**
 * The generated Prisma client over the `pg` driver adapter (a real server or the embedded one), each
 * query timed into the stages of the request it runs for (`timedQueries`).
 */
export function createPrisma(connectionString: string, maxConnections = 10): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: maxConnections }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  // A query extension adds no model, method or result field: the client keeps PrismaClient's shape.
  return client.$extends(timedQueries) as unknown as PrismaClient;
}
