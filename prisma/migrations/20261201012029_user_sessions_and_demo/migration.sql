-- AlterTable
ALTER TABLE "User" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- The demo people earlier versions seeded into whatever database they were given, with a published
-- password: marked, so that only `npm start`'s embedded database accepts them.
UPDATE "User" SET "demo" = true
WHERE "id" IN ('demo-officer', 'demo-sergeant', 'demo-case-manager', 'demo-prosecutor', 'demo-city-attorney', 'demo-project-manager', 'demo-supervisor');
