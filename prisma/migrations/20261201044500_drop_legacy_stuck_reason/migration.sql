-- Contract step: apply once every worker runs code that no longer writes "stuckReason".
-- The single stuck reason of the first schema gave way to "stuckReasons" (every flag raised), which the
-- projection keeps; a row whose list was never written keeps its old reason before the column goes.
UPDATE "Referral" SET "stuckReasons" = ARRAY["stuckReason"]
WHERE "stuckReason" IS NOT NULL AND cardinality("stuckReasons") = 0;

-- AlterTable
ALTER TABLE "Referral" DROP COLUMN "stuckReason";
