import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { createTestDatabase, type TestDatabase } from './shared-postgres';

/**
 * A test file's own database on the shared PostgreSQL: seeded by its owner role, then read through the
 * application's role, as the product reads it. Registers the file's beforeAll/afterAll; the returned
 * function gives the application's client once seeded.
 */
export function seededDatabase(seed: (owner: PrismaClient) => Promise<void>, connections = 2): () => PrismaClient {
  let database: TestDatabase | undefined;
  let db: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    const owner = createPrisma(database.ownerUrl, 1);
    try {
      await seed(owner);
    } finally {
      await owner.$disconnect();
    }
    db = createPrisma(database.appUrl, connections);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  return () => {
    if (!db) throw new Error('the database is not seeded yet: read it inside a test');
    return db;
  };
}
