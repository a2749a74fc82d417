-- A remembered session is checked in front of every request's first statement (#16). Its fingerprint
-- was an md5 of the whole principal — four tables joined and the municipality's offices gathered and
-- sorted on every request: 0.15–0.2 ms of PostgreSQL's CPU, a quarter of a case page's. Now a
-- municipality's row carries a number that every change to what its staff's principals are made of
-- moves on (the triggers below), and the fingerprint is the session's own row with that number: three
-- rows read by their keys. What makes a principal, and what moves the number:
--   the session (user, expiry, logout)            read from its own row
--   the user (username, name, role, office,       staff_users_principal_changed
--     municipality, active)
--   the user's office's code, the municipality's  offices_principal_changed
--     offices (added, removed, moved)
--   the municipality's suspension                 municipalities_principal_changed
-- Anything else (a password, office hours, a login's backoff) leaves remembered sessions alone.

ALTER TABLE "municipalities" ADD COLUMN "staff_epoch" INTEGER NOT NULL DEFAULT 1;

-- Run as the owner: a clerk's change of a user moves a row the application's role cannot write.
CREATE FUNCTION move_staff_epoch(p_municipality_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  -- An equality stamp: wrapping at int4's end is harmless.
  UPDATE municipalities SET staff_epoch = staff_epoch % 2147483647 + 1 WHERE id = p_municipality_id
$$;
REVOKE ALL ON FUNCTION move_staff_epoch(uuid) FROM PUBLIC;

CREATE FUNCTION staff_principal_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM move_staff_epoch(OLD.municipality_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.municipality_id IS DISTINCT FROM OLD.municipality_id) THEN
    PERFORM move_staff_epoch(NEW.municipality_id);
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION staff_principal_changed() FROM PUBLIC;

-- A new user has no session yet; a user with sessions cannot be deleted (their foreign key).
CREATE TRIGGER staff_users_principal_changed AFTER UPDATE ON staff_users FOR EACH ROW
  WHEN ((OLD.username, OLD.display_name, OLD.role, OLD.office_id, OLD.municipality_id, OLD.active)
        IS DISTINCT FROM (NEW.username, NEW.display_name, NEW.role, NEW.office_id, NEW.municipality_id, NEW.active))
  EXECUTE FUNCTION staff_principal_changed();

CREATE TRIGGER offices_principal_added_or_removed AFTER INSERT OR DELETE ON offices FOR EACH ROW
  EXECUTE FUNCTION staff_principal_changed();
CREATE TRIGGER offices_principal_changed AFTER UPDATE ON offices FOR EACH ROW
  WHEN ((OLD.id, OLD.code, OLD.municipality_id) IS DISTINCT FROM (NEW.id, NEW.code, NEW.municipality_id))
  EXECUTE FUNCTION staff_principal_changed();

CREATE FUNCTION municipality_principal_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.staff_epoch := OLD.staff_epoch % 2147483647 + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER municipalities_principal_changed BEFORE UPDATE ON municipalities FOR EACH ROW
  WHEN (OLD.suspended_at IS DISTINCT FROM NEW.suspended_at)
  EXECUTE FUNCTION municipality_principal_changed();

-- What a session's principal is, in 32 characters: its own row and its municipality's number, in a
-- form no setting of the connection changes (the expiry in microseconds, not as text in the
-- connection's time zone). The user's municipality, not the session's: a user moved to another is
-- watched where they are now.
CREATE OR REPLACE FUNCTION staff_session_fingerprint(p_session_id uuid) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT md5(concat_ws('/', s.id, s.user_id, (extract(epoch FROM s.expires_at) * 1000000)::bigint, s.revoked_at IS NOT NULL,
                               u.municipality_id, m.staff_epoch))
          FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN municipalities m ON m.id = u.municipality_id
          WHERE s.id = p_session_id);
END
$$;
