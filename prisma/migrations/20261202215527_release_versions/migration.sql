-- AlterTable
ALTER TABLE "ReleaseOfInformation" ADD COLUMN     "amendedAt" TIMESTAMP(3),
ADD COLUMN     "amendedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ReleaseVersion" (
    "releaseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "memorializedBy" TEXT,
    "coversStaffing" BOOLEAN NOT NULL,
    "providers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "givenAt" TIMESTAMP(3) NOT NULL,
    "givenById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseVersion_pkey" PRIMARY KEY ("releaseId","version")
);

-- AddForeignKey
ALTER TABLE "ReleaseVersion" ADD CONSTRAINT "ReleaseVersion_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "ReleaseOfInformation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every release recorded before amendments existed is its own version 1.
INSERT INTO "ReleaseVersion" ("releaseId", "version", "method", "memorializedBy", "coversStaffing", "providers", "givenAt", "givenById")
SELECT "id", 1, "method", "memorializedBy", "coversStaffing", "providers", "givenAt", "givenById" FROM "ReleaseOfInformation";
