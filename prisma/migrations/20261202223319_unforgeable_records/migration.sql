-- Issue 22 item 9: records the application role cannot forge, back-date or rewrite.

-- The audit trail and the accounting of disclosures (R-DISCLOSE): a row's time is its transaction's
-- time, and its actor is the one its transaction declared (`SET LOCAL lead.actor_id`, `lead.actor_role`,
-- `lead.actor_office`, `lead.actor_agency`: src/db/declared-actor.ts, set by the API in the transaction
-- that writes a request's rows). Whatever the INSERT itself says is overwritten, so no statement can
-- back-date a row or write it in another person's name; a disclosure nobody declared is refused.
CREATE FUNCTION "stamp_time_and_actor"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_id text := NULLIF(current_setting('lead.actor_id', true), '');
BEGIN
  NEW."at" := now() AT TIME ZONE 'UTC';
  NEW."actorId" := actor_id;
  NEW."actorRole" := NULLIF(current_setting('lead.actor_role', true), '');
  IF TG_TABLE_NAME = 'Disclosure' THEN
    IF actor_id IS NULL THEN
      RAISE EXCEPTION 'R-DISCLOSE: a disclosure is recorded in the name of the actor its transaction declares (SET LOCAL lead.actor_id), and none was declared'
        USING ERRCODE = 'not_null_violation';
    END IF;
    NEW."actorOffice" := NULLIF(current_setting('lead.actor_office', true), '');
    NEW."actorAgency" := NULLIF(current_setting('lead.actor_agency', true), '');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AuditEntry_stamp_time_and_actor" BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "stamp_time_and_actor"();
CREATE TRIGGER "Disclosure_stamp_time_and_actor" BEFORE INSERT ON "Disclosure" FOR EACH ROW EXECUTE FUNCTION "stamp_time_and_actor"();

-- A case's history is append-only, like the audit trail: the worker adds events (each once), nobody
-- changes or removes one.
REVOKE UPDATE, DELETE, TRUNCATE ON "CaseEvent" FROM "lead_application";
CREATE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a case''s history is append-only: % on "CaseEvent" is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "CaseEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "CaseEvent" FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"();
CREATE TRIGGER "CaseEvent_no_truncate" BEFORE TRUNCATE ON "CaseEvent" FOR EACH STATEMENT EXECUTE FUNCTION "case_event_append_only"();

-- Accounts are provisioned by the database's owner (migrations, `npm run users`), never by the
-- application: it reads them and may end sessions (raise a session version), nothing more — no new
-- account, no removed one, no changed role, office, agency, badge, name, password, demo mark or
-- disabling. Columns added later stay the application's to write.
REVOKE INSERT, DELETE, TRUNCATE ON "User" FROM "lead_application";
CREATE FUNCTION "user_account_provisioned"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF (NEW."id", NEW."displayName", NEW."passwordHash", NEW."role", NEW."office", NEW."agency", NEW."badge",
      NEW."disabled", NEW."demo", NEW."createdAt")
     IS DISTINCT FROM (OLD."id", OLD."displayName", OLD."passwordHash", OLD."role", OLD."office", OLD."agency",
      OLD."badge", OLD."disabled", OLD."demo", OLD."createdAt") THEN
    RAISE EXCEPTION 'an account''s identity, role, office, agency, badge, password, demo mark and disabling are provisioned by `npm run users` as the database owner, not changed by the application'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."sessionVersion" < OLD."sessionVersion" THEN
    RAISE EXCEPTION 'a session version only rises: sessions it ended stay ended' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "User_provisioned_by_owner" BEFORE UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION "user_account_provisioned"();
