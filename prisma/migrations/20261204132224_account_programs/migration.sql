-- AlterTable
ALTER TABLE "User" ADD COLUMN     "programs" TEXT[] DEFAULT ARRAY[]::TEXT[];
