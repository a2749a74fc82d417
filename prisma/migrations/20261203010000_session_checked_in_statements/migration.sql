-- Every request read its session's principal in a round trip of its own before its work (#16). The
-- API now remembers the principals it has read, and a request that uses a remembered one checks, in
-- the transaction of its first statement, that the session is still as it was read
-- (staff_session_holds, named in front of the statement with the municipality): logged out,
-- expired, deactivated, suspended, moved to another office or role, or given another office, it is
-- not, and nothing of the statement runs.

-- The municipality's offices in a fixed order, so that a principal read twice reads the same.
CREATE OR REPLACE FUNCTION staff_session_principal(p_session_id uuid)
RETURNS TABLE (session_id uuid, user_id uuid, expires_at timestamptz, revoked_at timestamptz, username text, display_name text, role text,
               office_id uuid, office_code text, municipality_id uuid, active boolean, office_ids text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Every column qualified: the result's column names are also this function's variables.
  RETURN QUERY
  SELECT s.id, s.user_id, s.expires_at, s.revoked_at, u.username::text, u.display_name::text, u.role::text, u.office_id, o.code::text,
         u.municipality_id, u.active AND m.suspended_at IS NULL,
         ARRAY(SELECT x.id::text FROM offices x WHERE x.municipality_id = u.municipality_id ORDER BY x.id)
  FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id JOIN municipalities m ON m.id = u.municipality_id
  WHERE s.id = p_session_id;
END
$$;

-- What a session's principal is, in 32 characters: every column of it, in a form no setting of the
-- connection changes (the expiry in microseconds, not as text in the connection's time zone).
CREATE FUNCTION staff_session_fingerprint(p_session_id uuid) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT md5(json_build_array(p.session_id, p.user_id, (extract(epoch FROM p.expires_at) * 1000000)::bigint, p.revoked_at IS NOT NULL,
                                      p.username, p.display_name, p.role, p.office_id, p.office_code, p.municipality_id, p.active, p.office_ids)::text)
          FROM staff_session_principal(p_session_id) p);
END
$$;

-- True, or an error (SQLSTATE MD401) that ends the statement's transaction: the session is not as
-- the request read it.
CREATE FUNCTION staff_session_holds(p_session_id uuid, p_fingerprint text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF staff_session_fingerprint(p_session_id) IS DISTINCT FROM p_fingerprint THEN
    RAISE EXCEPTION 'the session is not as the request read it' USING ERRCODE = 'MD401';
  END IF;
  RETURN true;
END
$$;

REVOKE ALL ON FUNCTION staff_session_fingerprint(uuid), staff_session_holds(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_session_fingerprint(uuid), staff_session_holds(uuid, text) TO madoguchi_app;
