-- AlterTable
ALTER TABLE "User" ADD COLUMN     "badge" TEXT;
