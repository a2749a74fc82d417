-- CreateEnum
CREATE TYPE "MailPieceKind" AS ENUM ('inquiry_letter', 'completion_notice');

-- AlterTable
ALTER TABLE "document_number_sequences" DROP CONSTRAINT "document_number_sequences_pkey",
ADD COLUMN     "series" VARCHAR(32) NOT NULL DEFAULT 'inquiry',
ADD CONSTRAINT "document_number_sequences_pkey" PRIMARY KEY ("municipality_id", "series", "fiscal_year");

-- AlterTable
ALTER TABLE "inquiry_letters" ADD COLUMN     "pdf_removed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "print_runs" ADD COLUMN     "notice_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pdf_removed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "completion_notices" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'pending',
    "pdf" BYTEA,
    "pdf_sha256" CHAR(64),
    "rendered_at" TIMESTAMPTZ(3),
    "issued_on" DATE,
    "notice_number" VARCHAR(64),
    "notice_year" INTEGER,
    "notice_seq" INTEGER,
    "print_run_id" UUID,
    "print_run_position" INTEGER,
    "mailed_on" DATE,
    "pdf_removed_at" TIMESTAMPTZ(3),
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "completion_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_ledgers" (
    "id" UUID NOT NULL,
    "print_run_id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "mailed_on" DATE NOT NULL,
    "confirmed_by_id" UUID NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL,
    "piece_count" INTEGER NOT NULL,
    "postage_yen" INTEGER NOT NULL,
    "postage_total" INTEGER NOT NULL,
    "postage_payment" VARCHAR(16) NOT NULL,

    CONSTRAINT "mail_ledgers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_ledger_lines" (
    "id" BIGSERIAL NOT NULL,
    "ledger_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "MailPieceKind" NOT NULL,
    "case_id" UUID NOT NULL,
    "document_number" VARCHAR(64) NOT NULL,
    "addressee_name" VARCHAR(110) NOT NULL,
    "postal_code" VARCHAR(8) NOT NULL,
    "mail_class" VARCHAR(32) NOT NULL,

    CONSTRAINT "mail_ledger_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_ledger_documents" (
    "office_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "runs" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdf_sha256" CHAR(64) NOT NULL,
    "rendered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mail_ledger_documents_pkey" PRIMARY KEY ("office_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "completion_notices_case_id_key" ON "completion_notices"("case_id");

-- CreateIndex
CREATE INDEX "completion_notices_status_idx" ON "completion_notices"("status");

-- CreateIndex
CREATE UNIQUE INDEX "mail_ledgers_print_run_id_key" ON "mail_ledgers"("print_run_id");

-- CreateIndex
CREATE INDEX "mail_ledgers_office_id_mailed_on_idx" ON "mail_ledgers"("office_id", "mailed_on");

-- CreateIndex
CREATE UNIQUE INDEX "mail_ledger_lines_ledger_id_position_key" ON "mail_ledger_lines"("ledger_id", "position");

-- AddForeignKey
ALTER TABLE "completion_notices" ADD CONSTRAINT "completion_notices_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "completion_notices" ADD CONSTRAINT "completion_notices_print_run_id_fkey" FOREIGN KEY ("print_run_id") REFERENCES "print_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_ledgers" ADD CONSTRAINT "mail_ledgers_print_run_id_fkey" FOREIGN KEY ("print_run_id") REFERENCES "print_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_ledgers" ADD CONSTRAINT "mail_ledgers_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_ledgers" ADD CONSTRAINT "mail_ledgers_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_ledger_lines" ADD CONSTRAINT "mail_ledger_lines_ledger_id_fkey" FOREIGN KEY ("ledger_id") REFERENCES "mail_ledgers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_ledger_documents" ADD CONSTRAINT "mail_ledger_documents_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Stored policy versions take the completion notices' number format at its default.
UPDATE "policy_versions"
SET "policy" = jsonb_build_object('completionNoticeNumberFormat', '完了通知第#号') || "policy"
WHERE jsonb_typeof("policy") = 'object';
