-- CreateEnum
CREATE TYPE "ReplyCheckKind" AS ENUM ('lookup', 'reply_returned');

-- AlterEnum
ALTER TYPE "LetterReissueReason" ADD VALUE 'locked';

-- AlterTable
ALTER TABLE "inquiry_letters" ADD COLUMN     "wrong_check_codes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "reply_checks" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "letter_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "kind" "ReplyCheckKind" NOT NULL,
    "outcome" VARCHAR(64) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reply_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reply_checks_case_id_at_idx" ON "reply_checks"("case_id", "at");

-- AddForeignKey
ALTER TABLE "reply_checks" ADD CONSTRAINT "reply_checks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_checks" ADD CONSTRAINT "reply_checks_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "inquiry_letters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_checks" ADD CONSTRAINT "reply_checks_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The checks of returned replies are append-only, as the case history is: who tried which
-- letter, and when, must never be rewritten. Written by hand (Prisma does not model triggers).
CREATE FUNCTION reply_checks_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reply_checks is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER reply_checks_no_update_delete
  BEFORE UPDATE OR DELETE ON reply_checks
  FOR EACH ROW EXECUTE FUNCTION reply_checks_refuse_change();

CREATE TRIGGER reply_checks_no_truncate
  BEFORE TRUNCATE ON reply_checks
  FOR EACH STATEMENT EXECUTE FUNCTION reply_checks_refuse_change();
