-- The platform's operators (#19): their own logins and audit log, and the one way they see
-- municipalities: counts, through a function, never a row of a case, a name or a letter.

-- CreateTable
CREATE TABLE "platform_operators" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_operators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_sessions" (
    "id" UUID NOT NULL,
    "operator_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "platform_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "operator_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "subject_id" UUID,
    "details" JSONB NOT NULL,

    CONSTRAINT "platform_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "platform_operators_username_key" ON "platform_operators"("username");

-- CreateIndex
CREATE INDEX "platform_sessions_operator_id_idx" ON "platform_sessions"("operator_id");

-- CreateIndex
CREATE INDEX "platform_events_at_idx" ON "platform_events"("at");

-- AddForeignKey
ALTER TABLE "platform_sessions" ADD CONSTRAINT "platform_sessions_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "platform_operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_events" ADD CONSTRAINT "platform_events_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "platform_operators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The platform's audit log is written, never changed.
CREATE FUNCTION platform_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER platform_events_no_update_delete BEFORE UPDATE OR DELETE ON "platform_events"
  FOR EACH ROW EXECUTE FUNCTION platform_events_refuse_change();
CREATE TRIGGER platform_events_no_truncate BEFORE TRUNCATE ON "platform_events"
  FOR EACH STATEMENT EXECUTE FUNCTION platform_events_refuse_change();
REVOKE UPDATE, DELETE ON "platform_events" FROM madoguchi_app;

-- Each municipality with its counts, in one pass over each table: what an operator sees.
CREATE FUNCTION platform_municipality_counts()
RETURNS TABLE (id uuid, code text, name text, created_at timestamptz, suspended_at timestamptz,
               offices bigint, staff bigint, cases bigint, open_cases bigint, letters bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH o AS (SELECT municipality_id, count(*) AS n FROM offices GROUP BY 1),
       u AS (SELECT municipality_id, count(*) AS n FROM staff_users WHERE active GROUP BY 1),
       c AS (SELECT municipality_id, count(*) AS n, count(*) FILTER (WHERE state NOT IN ('completed', 'cancelled')) AS open
             FROM cases GROUP BY 1),
       l AS (SELECT municipality_id, count(*) AS n FROM inquiry_letters GROUP BY 1)
  SELECT m.id, m.code::text, m.name::text, m.created_at, m.suspended_at,
         coalesce(o.n, 0), coalesce(u.n, 0), coalesce(c.n, 0), coalesce(c.open, 0), coalesce(l.n, 0)
  FROM municipalities m
  LEFT JOIN o ON o.municipality_id = m.id LEFT JOIN u ON u.municipality_id = m.id
  LEFT JOIN c ON c.municipality_id = m.id LEFT JOIN l ON l.municipality_id = m.id
  ORDER BY m.code
$$;
REVOKE ALL ON FUNCTION platform_municipality_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_municipality_counts() TO madoguchi_app;
