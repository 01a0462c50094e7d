-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "caseIdPrefix" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramConfigVersion" (
    "programId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "config" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,

    CONSTRAINT "ProgramConfigVersion_pkey" PRIMARY KEY ("programId","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "Program_caseIdPrefix_key" ON "Program"("caseIdPrefix");

-- AddForeignKey
ALTER TABLE "ProgramConfigVersion" ADD CONSTRAINT "ProgramConfigVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The version in force is one of the program's versions; a new one follows the last without a gap.
ALTER TABLE "Program" ADD CONSTRAINT "Program_version_positive" CHECK ("version" >= 1);
ALTER TABLE "ProgramConfigVersion" ADD CONSTRAINT "ProgramConfigVersion_version_positive" CHECK ("version" >= 1);

-- A configuration's history is append-only, and each version's time and actor are its transaction's
-- (the audit trail's trigger: src/db/declared-actor.ts declares them).
REVOKE UPDATE, DELETE, TRUNCATE ON "ProgramConfigVersion" FROM "lead_application";
CREATE TRIGGER "ProgramConfigVersion_stamp_time_and_actor" BEFORE INSERT ON "ProgramConfigVersion" FOR EACH ROW EXECUTE FUNCTION "stamp_time_and_actor"();
CREATE FUNCTION "program_config_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a program''s configuration history is append-only: % on "ProgramConfigVersion" is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ProgramConfigVersion_no_update_or_delete" BEFORE UPDATE OR DELETE ON "ProgramConfigVersion" FOR EACH ROW EXECUTE FUNCTION "program_config_append_only"();
CREATE TRIGGER "ProgramConfigVersion_no_truncate" BEFORE TRUNCATE ON "ProgramConfigVersion" FOR EACH STATEMENT EXECUTE FUNCTION "program_config_append_only"();
