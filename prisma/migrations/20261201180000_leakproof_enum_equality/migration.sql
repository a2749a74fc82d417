-- Row-level security evaluates its policy before any condition of the query whose function is not
-- LEAKPROOF, and such a condition cannot be an index condition either: PostgreSQL leaves enum
-- equality unmarked, so `state = 'inquiry_mailed'` (every list's filter on a state, a route, a
-- letter's status) scanned all of an office's cases under RLS — 27 times the floor for the overdue
-- list of a 400,000-case city (bench/README.md). enum_eq and enum_ne compare two OIDs: they cannot
-- fail or reveal anything, which is what LEAKPROOF says. Only a superuser may say it; the migrations
-- do when they run as one (development, the tests), and docs/production.md has the production
-- operator run these two lines as postgres once (and again after a restore into a new cluster).
-- The API warns at start while they are not.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
  ELSE
    RAISE NOTICE 'As a superuser, run: ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF; ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF; (docs/production.md)';
  END IF;
END;
$$;
