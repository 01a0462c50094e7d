-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignInBackoff" (
    "account" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SignInBackoff_pkey" PRIMARY KEY ("account")
);

-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnauthenticatedRequestCount" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "address" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UnauthenticatedRequestCount_pkey" PRIMARY KEY ("minute","address","method","route","status")
);

-- CreateIndex
CREATE INDEX "RateLimitCounter_resetAt_idx" ON "RateLimitCounter"("resetAt");

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- The count of requests without a sign-in is part of the audit trail: the application adds to it and
-- raises counts; nobody lowers, moves or removes one.
REVOKE DELETE, TRUNCATE ON "UnauthenticatedRequestCount" FROM "lead_application";
CREATE FUNCTION "unauthenticated_request_count_only_grows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW."count" < OLD."count"
     OR (NEW."minute", NEW."address", NEW."method", NEW."route", NEW."status")
        IS DISTINCT FROM (OLD."minute", OLD."address", OLD."method", OLD."route", OLD."status") THEN
    RAISE EXCEPTION 'the count of requests without a sign-in only grows: % on "UnauthenticatedRequestCount" is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "UnauthenticatedRequestCount_only_grows" BEFORE UPDATE OR DELETE ON "UnauthenticatedRequestCount" FOR EACH ROW EXECUTE FUNCTION "unauthenticated_request_count_only_grows"();
CREATE TRIGGER "UnauthenticatedRequestCount_no_truncate" BEFORE TRUNCATE ON "UnauthenticatedRequestCount" FOR EACH STATEMENT EXECUTE FUNCTION "unauthenticated_request_count_only_grows"();
