-- One platform for every municipality (#19): a municipality on every row that belongs to one, and
-- row-level security that shows a connection only the rows of the municipality its transaction names.
-- Written by hand around what `prisma migrate diff` gave (columns, the two per-municipality keys).

-- The municipality the current transaction works for: set with set_config('app.municipality_id', id,
-- true) inside the transaction, never for a session. NULLIF: a setting once made in a session reads ''
-- after its transaction ends, which must mean "none", not an error.
CREATE FUNCTION app_municipality() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(current_setting('app.municipality_id', true), '')::uuid
$$;

-- Suspended by the platform: nothing is deleted, nobody of it logs in.
ALTER TABLE "municipalities" ADD COLUMN "suspended_at" TIMESTAMPTZ(3);

-- Office codes and usernames are each municipality's own.
DROP INDEX "offices_code_key";
DROP INDEX "offices_municipality_id_idx";
CREATE UNIQUE INDEX "offices_municipality_id_code_key" ON "offices"("municipality_id", "code");

ALTER TABLE "staff_users" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "staff_sessions" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "cases" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "parties" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "presented_documents" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "case_history" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "reply_checks" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "inquiry_letters" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "idempotency_keys" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "completion_notices" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "mail_ledger_lines" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "print_runs" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "receipt_sequences" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "mail_ledgers" ADD COLUMN "municipality_id" UUID;
ALTER TABLE "mail_ledger_documents" ADD COLUMN "municipality_id" UUID;

-- Back-fill from each row's parent. The append-only tables allow this one migration: their triggers
-- are off inside its transaction only, and nothing else may change a row of theirs.
ALTER TABLE "case_history" DISABLE TRIGGER case_history_no_update_delete;
ALTER TABLE "reply_checks" DISABLE TRIGGER reply_checks_no_update_delete;

UPDATE "staff_users" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "cases" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "print_runs" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "receipt_sequences" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "mail_ledgers" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "mail_ledger_documents" c SET municipality_id = o.municipality_id FROM offices o WHERE o.id = c.office_id;
UPDATE "staff_sessions" s SET municipality_id = u.municipality_id FROM staff_users u WHERE u.id = s.user_id;
UPDATE "parties" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "presented_documents" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "case_history" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "reply_checks" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "inquiry_letters" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "idempotency_keys" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "completion_notices" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
UPDATE "mail_ledger_lines" r SET municipality_id = c.municipality_id FROM cases c WHERE c.id = r.case_id;
ALTER TABLE "case_history" ENABLE TRIGGER case_history_no_update_delete;
ALTER TABLE "reply_checks" ENABLE TRIGGER reply_checks_no_update_delete;

DROP INDEX "staff_users_username_key";
CREATE UNIQUE INDEX "staff_users_municipality_id_username_key" ON "staff_users"("municipality_id", "username");

ALTER TABLE "staff_users" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "staff_sessions" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "cases" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "parties" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "presented_documents" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "case_history" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "reply_checks" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "inquiry_letters" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "idempotency_keys" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "completion_notices" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "mail_ledger_lines" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "print_runs" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "receipt_sequences" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "mail_ledgers" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;
ALTER TABLE "mail_ledger_documents" ALTER COLUMN "municipality_id" SET DEFAULT app_municipality(), ALTER COLUMN "municipality_id" SET NOT NULL;

-- A row written without a municipality in its transaction (the owner's own inserts: fixtures, the
-- onboarding command) takes its parent's. The application's role never gets here with one set (the
-- default filled it), and without one the parent is invisible to it, so the row is refused as NULL.
CREATE FUNCTION fill_municipality_from_parent() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT municipality_id FROM %I WHERE id = $1', TG_ARGV[0])
    INTO NEW.municipality_id USING (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
  RETURN NEW;
END;
$$;

CREATE TRIGGER staff_users_fill_municipality BEFORE INSERT ON "staff_users" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');
CREATE TRIGGER staff_sessions_fill_municipality BEFORE INSERT ON "staff_sessions" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('staff_users', 'user_id');
CREATE TRIGGER cases_fill_municipality BEFORE INSERT ON "cases" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');
CREATE TRIGGER parties_fill_municipality BEFORE INSERT ON "parties" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER presented_documents_fill_municipality BEFORE INSERT ON "presented_documents" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER case_history_fill_municipality BEFORE INSERT ON "case_history" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER reply_checks_fill_municipality BEFORE INSERT ON "reply_checks" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER inquiry_letters_fill_municipality BEFORE INSERT ON "inquiry_letters" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER idempotency_keys_fill_municipality BEFORE INSERT ON "idempotency_keys" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER completion_notices_fill_municipality BEFORE INSERT ON "completion_notices" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER mail_ledger_lines_fill_municipality BEFORE INSERT ON "mail_ledger_lines" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('cases', 'case_id');
CREATE TRIGGER print_runs_fill_municipality BEFORE INSERT ON "print_runs" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');
CREATE TRIGGER receipt_sequences_fill_municipality BEFORE INSERT ON "receipt_sequences" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');
CREATE TRIGGER mail_ledgers_fill_municipality BEFORE INSERT ON "mail_ledgers" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');
CREATE TRIGGER mail_ledger_documents_fill_municipality BEFORE INSERT ON "mail_ledger_documents" FOR EACH ROW WHEN (NEW.municipality_id IS NULL) EXECUTE FUNCTION fill_municipality_from_parent('offices', 'office_id');

-- The role the API and the worker connect as: it owns nothing and cannot bypass row-level security.
-- Created here when missing (the operator may create it first, with LOGIN and a password: see
-- docs/production.md); the migrations run as the tables' owner (DATABASE_MIGRATE_URL).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'madoguchi_app') THEN
    CREATE ROLE madoguchi_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO madoguchi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO madoguchi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO madoguchi_app;
-- Tables of later migrations get the same grants (row-level security is each one's own to enable:
-- a test lists every table that has a municipality_id without it).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO madoguchi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO madoguchi_app;
DO $$
BEGIN
  -- (absent where a tool replays the migrations into a scratch database)
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM madoguchi_app;
  END IF;
END;
$$;
-- The append-only records are written, never changed, by the application.
REVOKE UPDATE, DELETE ON "case_history", "reply_checks", "audit_events" FROM madoguchi_app;
REVOKE DELETE ON "municipalities" FROM madoguchi_app;

-- Isolation: each municipality's rows are visible and writable only to a transaction that names it.
-- Policies apply to madoguchi_app; any other role but the owner sees nothing (no policy of its own).

ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "audit_events" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "case_history" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "case_history" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "cases" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "completion_notices" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "completion_notices" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "daily_runs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "daily_runs" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "document_number_sequences" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "document_number_sequences" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "idempotency_keys" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "inquiry_letters" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "inquiry_letters" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "mail_ledger_documents" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "mail_ledger_documents" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "mail_ledger_lines" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "mail_ledger_lines" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "mail_ledgers" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "mail_ledgers" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "offices" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "offices" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "parties" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "parties" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "policy_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "policy_versions" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "presented_documents" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "presented_documents" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "print_runs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "print_runs" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "receipt_sequences" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "receipt_sequences" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "reply_checks" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "reply_checks" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "residents" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "residents" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "staff_sessions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "staff_sessions" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
ALTER TABLE "staff_users" ENABLE ROW LEVEL SECURITY;
CREATE POLICY municipality_isolation ON "staff_users" TO madoguchi_app USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

-- Before a request knows its municipality: a login's candidates by username (in one municipality
-- when its code is given), and a session's principal. Narrow, and the only ways around the policies.
CREATE FUNCTION staff_login_candidates(p_username text, p_municipality_code text)
RETURNS TABLE (user_id uuid, municipality_id uuid, username text, display_name text, role text, office_id uuid, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.municipality_id, u.username::text, u.display_name::text, u.role::text, u.office_id, u.password_hash::text,
         u.active AND m.suspended_at IS NULL
  FROM staff_users u JOIN municipalities m ON m.id = u.municipality_id
  WHERE u.username = p_username AND (p_municipality_code IS NULL OR m.code = p_municipality_code)
  ORDER BY m.code
  LIMIT 2
$$;

CREATE FUNCTION staff_session_principal(p_session_id uuid)
RETURNS TABLE (session_id uuid, user_id uuid, expires_at timestamptz, revoked_at timestamptz, username text, display_name text, role text,
               office_id uuid, office_code text, municipality_id uuid, active boolean, office_ids text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.id, s.user_id, s.expires_at, s.revoked_at, u.username::text, u.display_name::text, u.role::text, u.office_id, o.code::text,
         u.municipality_id, u.active AND m.suspended_at IS NULL,
         ARRAY(SELECT x.id::text FROM offices x WHERE x.municipality_id = u.municipality_id)
  FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id JOIN municipalities m ON m.id = u.municipality_id
  WHERE s.id = p_session_id
$$;

REVOKE ALL ON FUNCTION staff_login_candidates(text, text), staff_session_principal(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_login_candidates(text, text), staff_session_principal(uuid) TO madoguchi_app;

