-- CreateEnum
CREATE TYPE "ReferralType" AS ENUM ('ARREST_DIVERSION', 'SOCIAL_CONTACT');

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "stateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "submissionHash" TEXT NOT NULL,
    "type" "ReferralType" NOT NULL,
    "personId" UUID NOT NULL,
    "agency" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "prosecutorOffice" TEXT NOT NULL,
    "workflowStartedAt" TIMESTAMP(3),
    "referredAt" TIMESTAMP(3),
    "stage" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "outcome" TEXT,
    "nextDeadlineAt" TIMESTAMP(3),
    "nextDeadlineRule" TEXT,
    "stuckReason" TEXT,
    "projectedSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "referralId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "ruleId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "data" JSONB,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" BIGSERIAL NOT NULL,
    "referralId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "office" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Person_dateOfBirth_familyName_idx" ON "Person"("dateOfBirth", "familyName");

-- CreateIndex
CREATE INDEX "Person_stateId_idx" ON "Person"("stateId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_submissionId_key" ON "Referral"("submissionId");

-- CreateIndex
CREATE INDEX "Referral_stage_nextDeadlineAt_idx" ON "Referral"("stage", "nextDeadlineAt");

-- CreateIndex
CREATE INDEX "Referral_prosecutorOffice_stage_idx" ON "Referral"("prosecutorOffice", "stage");

-- CreateIndex
CREATE INDEX "Referral_personId_idx" ON "Referral"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_referralId_seq_key" ON "CaseEvent"("referralId", "seq");

-- CreateIndex
CREATE INDEX "Deadline_status_dueAt_idx" ON "Deadline"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_referralId_ruleId_key" ON "Deadline"("referralId", "ruleId");

-- CreateIndex
CREATE INDEX "Notification_referralId_idx" ON "Notification"("referralId");

-- CreateIndex
CREATE INDEX "Notification_status_idx" ON "Notification"("status");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
