-- Least privilege: the API and the worker connect as roles that are members of "lead_application"
-- (src/db/provision.ts), never as the owner that runs these migrations. The group is created here
-- when the migrating role may create roles; otherwise provisioning must have created it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lead_application') THEN
    CREATE ROLE "lead_application" NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO "lead_application";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "lead_application";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "lead_application";
-- Tables and sequences later migrations create get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "lead_application";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "lead_application";

-- Migrations are the owner's business.
REVOKE ALL ON "_prisma_migrations" FROM "lead_application";

-- Append-only (audit trail, R-DISCLOSE accounting): rows are added and read, never changed or removed.
-- Not being the owner, the application cannot disable the triggers that also refuse it.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntry", "Disclosure" FROM "lead_application";
