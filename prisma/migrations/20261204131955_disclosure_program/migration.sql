-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "programId" TEXT;

-- CreateIndex
CREATE INDEX "Disclosure_programId_at_idx" ON "Disclosure"("programId", "at");

-- Issue 26 item 3: the accounting of disclosures (R-DISCLOSE) names the program of the case shown, from
-- the case's (or booking's) id, as its rows do (migration `program_of_records`).
CREATE FUNCTION "program_of_disclosure"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."id" INTO NEW."programId" FROM "Program" p WHERE NEW."caseId" LIKE p."caseIdPrefix" || '-%';
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Disclosure_program_of_disclosure" BEFORE INSERT ON "Disclosure" FOR EACH ROW EXECUTE FUNCTION "program_of_disclosure"();

-- The accounting is append-only: a disclosure recorded before its program started keeps no program, and
-- its case id still names it.
