-- The case history is append-only: who moved a case, and when, must never be rewritten.
-- Prisma does not model triggers, so this migration is written by hand.
CREATE FUNCTION case_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_history is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER case_history_no_update_delete
  BEFORE UPDATE OR DELETE ON case_history
  FOR EACH ROW EXECUTE FUNCTION case_history_refuse_change();

CREATE TRIGGER case_history_no_truncate
  BEFORE TRUNCATE ON case_history
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
