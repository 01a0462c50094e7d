-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "linkedFromId" TEXT,
ALTER COLUMN "prosecutorOffice" DROP NOT NULL;
