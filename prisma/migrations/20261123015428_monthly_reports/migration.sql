-- CreateTable
CREATE TABLE "MonthlyReport" (
    "month" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scheduledAt" TIMESTAMP(3),
    "data" JSONB NOT NULL,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("month")
);
