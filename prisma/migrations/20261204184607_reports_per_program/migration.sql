-- AlterTable
ALTER TABLE "EvaluationResult" ADD COLUMN     "caseIdPrefix" TEXT;

-- AlterTable
ALTER TABLE "MonthlyReport" DROP CONSTRAINT "MonthlyReport_pkey",
ADD COLUMN     "caseIdPrefix" TEXT,
ADD COLUMN     "id" BIGSERIAL NOT NULL,
ADD CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE INDEX "EvaluationResult_caseIdPrefix_id_idx" ON "EvaluationResult"("caseIdPrefix", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_caseIdPrefix_month_key" ON "MonthlyReport"("caseIdPrefix", "month");

-- Issue 26 item 6: the reports and evaluation figures stored before they were per program are the
-- served program's: the one the deployment started first (the first of LEAD_PROGRAM_FILES). Where no
-- program has started yet, the first to start takes them, as it takes its cases and bookings.
UPDATE "MonthlyReport" SET "caseIdPrefix" = (SELECT "caseIdPrefix" FROM "Program" ORDER BY "createdAt", "id" LIMIT 1) WHERE "caseIdPrefix" IS NULL;
UPDATE "EvaluationResult" SET "caseIdPrefix" = (SELECT "caseIdPrefix" FROM "Program" ORDER BY "createdAt", "id" LIMIT 1) WHERE "caseIdPrefix" IS NULL;

CREATE OR REPLACE FUNCTION "program_takes_its_records"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Referral" SET "programId" = NEW."id" WHERE "programId" IS NULL AND "id" LIKE NEW."caseIdPrefix" || '-%';
  UPDATE "Booking" SET "programId" = NEW."id" WHERE "programId" IS NULL AND "id" LIKE NEW."caseIdPrefix" || '-%';
  -- Only the first program takes them: they were its deployment's, never a program added later's.
  IF NOT EXISTS (SELECT 1 FROM "Program" WHERE "id" <> NEW."id") THEN
    UPDATE "MonthlyReport" SET "caseIdPrefix" = NEW."caseIdPrefix" WHERE "caseIdPrefix" IS NULL;
    UPDATE "EvaluationResult" SET "caseIdPrefix" = NEW."caseIdPrefix" WHERE "caseIdPrefix" IS NULL;
  END IF;
  RETURN NULL;
END;
$$;
