-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "caseManagerId" TEXT,
ADD COLUMN     "stuckReasons" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Referral_caseManagerId_stage_idx" ON "Referral"("caseManagerId", "stage");
