-- CreateTable
CREATE TABLE "IipMilestone" (
    "id" BIGSERIAL NOT NULL,
    "referralId" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "reachedOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IipMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IipMilestone_referralId_milestone_reachedOn_key" ON "IipMilestone"("referralId", "milestone", "reachedOn");

-- AddForeignKey
ALTER TABLE "IipMilestone" ADD CONSTRAINT "IipMilestone_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
