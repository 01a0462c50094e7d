-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "routedToDocNci" BOOLEAN NOT NULL DEFAULT false;
