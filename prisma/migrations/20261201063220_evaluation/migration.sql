-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "submissionHash" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "agency" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "prosecutorOffices" TEXT[],
    "reason" TEXT NOT NULL,
    "eligibility" JSONB NOT NULL,
    "details" JSONB NOT NULL,
    "bookedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "level" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByRole" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "stuckSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfReportedDemographics" (
    "id" BIGSERIAL NOT NULL,
    "referralId" TEXT NOT NULL,
    "raceEthnicityAnswer" TEXT NOT NULL,
    "raceEthnicity" TEXT[],
    "gender" TEXT,
    "preferredLanguage" TEXT,
    "housingAtReferral" TEXT,
    "recordedById" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfReportedDemographics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" BIGSERIAL NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "figures" JSONB NOT NULL,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Booking_submissionId_key" ON "Booking"("submissionId");

-- CreateIndex
CREATE INDEX "Booking_agency_bookedAt_idx" ON "Booking"("agency", "bookedAt");

-- CreateIndex
CREATE INDEX "Booking_personId_idx" ON "Booking"("personId");

-- CreateIndex
CREATE INDEX "Outcome_personId_occurredOn_idx" ON "Outcome"("personId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_source_sourceRef_key" ON "Outcome"("source", "sourceRef");

-- CreateIndex
CREATE INDEX "FollowUp_recordId_idx" ON "FollowUp"("recordId");

-- CreateIndex
CREATE INDEX "FollowUp_stuckSince_idx" ON "FollowUp"("stuckSince");

-- CreateIndex
CREATE INDEX "SelfReportedDemographics_referralId_recordedAt_idx" ON "SelfReportedDemographics"("referralId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReportedDemographics" ADD CONSTRAINT "SelfReportedDemographics_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
