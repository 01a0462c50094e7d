import { Prisma, type PrismaClient } from '../../generated/prisma/client';

/**
 * The database as the rest of the service holds it: passed around, handed to the query functions of
 * this folder, never queried directly outside `src/db/` (eslint.config.mjs refuses it).
 */
export type Database = PrismaClient;
/** A transaction under way: the writes that must land together take it instead of the database. */
export type Transaction = Prisma.TransactionClient;

/** A write refused by a unique key (a concurrent twin got there first). */
export const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
