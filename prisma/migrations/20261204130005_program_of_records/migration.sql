-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "programId" TEXT;

-- CreateIndex
CREATE INDEX "Booking_programId_bookedAt_idx" ON "Booking"("programId", "bookedAt");

-- CreateIndex
CREATE INDEX "Referral_programId_stage_idx" ON "Referral"("programId", "stage");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Issue 26: a case's and a booking's id begins with its program's case id prefix (`BUR-…`, `BUR-BK-…`),
-- which is the program's alone and never changes (src/db/queries/programs.ts), so the id names the
-- program: the database writes it beside each new row, whatever the code that inserts it.
CREATE FUNCTION "program_of_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."programId" IS NULL THEN
    SELECT p."id" INTO NEW."programId" FROM "Program" p WHERE NEW."id" LIKE p."caseIdPrefix" || '-%';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Referral_program_of_record" BEFORE INSERT ON "Referral" FOR EACH ROW EXECUTE FUNCTION "program_of_record"();
CREATE TRIGGER "Booking_program_of_record" BEFORE INSERT ON "Booking" FOR EACH ROW EXECUTE FUNCTION "program_of_record"();

-- A deployment that ran one program before programs were data starts that program after its records
-- exist (issue 26 item 6): the program takes every record its prefix names that has none.
CREATE FUNCTION "program_takes_its_records"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Referral" SET "programId" = NEW."id" WHERE "programId" IS NULL AND "id" LIKE NEW."caseIdPrefix" || '-%';
  UPDATE "Booking" SET "programId" = NEW."id" WHERE "programId" IS NULL AND "id" LIKE NEW."caseIdPrefix" || '-%';
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Program_takes_its_records" AFTER INSERT ON "Program" FOR EACH ROW EXECUTE FUNCTION "program_takes_its_records"();
