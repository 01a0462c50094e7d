-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "clientRequestId" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "prosecutorOffices" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ReleaseOfInformation" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "memorializedBy" TEXT,
    "coversStaffing" BOOLEAN NOT NULL,
    "providers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "givenAt" TIMESTAMP(3) NOT NULL,
    "givenById" TEXT NOT NULL,
    "rescindedAt" TIMESTAMP(3),
    "rescindedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseOfInformation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "actorOffice" TEXT,
    "actorAgency" TEXT,
    "personId" UUID NOT NULL,
    "caseId" TEXT NOT NULL,
    "kinds" TEXT[],
    "basis" TEXT NOT NULL,
    "releaseId" TEXT,
    "channel" TEXT NOT NULL,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffingNomination" (
    "id" UUID NOT NULL,
    "referralId" TEXT NOT NULL,
    "forMonth" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "nominatedById" TEXT NOT NULL,
    "nominatedByRole" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffingNomination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReleaseOfInformation_referralId_idx" ON "ReleaseOfInformation"("referralId");

-- CreateIndex
CREATE INDEX "ReleaseOfInformation_personId_idx" ON "ReleaseOfInformation"("personId");

-- CreateIndex
CREATE INDEX "Disclosure_personId_at_idx" ON "Disclosure"("personId", "at");

-- CreateIndex
CREATE INDEX "Disclosure_caseId_at_idx" ON "Disclosure"("caseId", "at");

-- CreateIndex
CREATE INDEX "Disclosure_requestId_idx" ON "Disclosure"("requestId");

-- CreateIndex
CREATE INDEX "StaffingNomination_forMonth_idx" ON "StaffingNomination"("forMonth");

-- CreateIndex
CREATE UNIQUE INDEX "StaffingNomination_referralId_forMonth_nominatedById_key" ON "StaffingNomination"("referralId", "forMonth", "nominatedById");

-- AddForeignKey
ALTER TABLE "ReleaseOfInformation" ADD CONSTRAINT "ReleaseOfInformation_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffingNomination" ADD CONSTRAINT "StaffingNomination_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- R-JURISDICTION: existing cases have one office with jurisdiction.
UPDATE "Referral" SET "prosecutorOffices" = ARRAY["prosecutorOffice"] WHERE "prosecutorOffice" IS NOT NULL;

-- R-DISCLOSE: the accounting of disclosures is append-only, like the audit trail.
CREATE FUNCTION "disclosure_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the accounting of disclosures is append-only: % on "Disclosure" is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Disclosure_no_update_or_delete" BEFORE UPDATE OR DELETE ON "Disclosure" FOR EACH ROW EXECUTE FUNCTION "disclosure_append_only"();
CREATE TRIGGER "Disclosure_no_truncate" BEFORE TRUNCATE ON "Disclosure" FOR EACH STATEMENT EXECUTE FUNCTION "disclosure_append_only"();
