-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Route" AS ENUM ('self', 'legal_representative', 'voluntary_agent');

-- CreateEnum
CREATE TYPE "ResetReason" AS ENUM ('forgotten', 'locked', 'face_auth_switch');

-- CreateEnum
CREATE TYPE "Pin" AS ENUM ('signature', 'user_auth', 'resident_registry', 'card_info');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('received', 'inquiry_mailed', 'reply_returned', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('withdrawn', 'reply_overdue', 'letter_undeliverable', 'documents_refused');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('clerk', 'supervisor', 'print_staff', 'admin');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('holder', 'representative');

-- CreateEnum
CREATE TYPE "RepresentativeKind" AS ENUM ('parent', 'guardian', 'agent');

-- CreateEnum
CREATE TYPE "Presenter" AS ENUM ('holder', 'representative');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('drivers_license', 'driving_history_certificate', 'passport', 'resident_card_with_photo', 'disability_handbook', 'residence_card', 'special_permanent_resident_certificate', 'health_insurance_card', 'qualification_certificate', 'care_insurance_card', 'pension_book', 'pension_number_notice', 'maternal_child_handbook', 'employee_id', 'student_id', 'other_b', 'my_number_card', 'family_register_copy', 'guardianship_certificate', 'power_of_attorney', 'cannot_attend_proof', 'sealed_reply_form');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('pending', 'ready', 'printed', 'mailed', 'failed', 'superseded');

-- CreateEnum
CREATE TYPE "PrintRunStatus" AS ENUM ('rendering', 'ready', 'mailed', 'cancelled');

-- CreateTable
CREATE TABLE "municipalities" (
    "id" UUID NOT NULL,
    "code" VARCHAR(6) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipalities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_versions" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offices" (
    "id" UUID NOT NULL,
    "code" VARCHAR(8) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "municipality_id" UUID NOT NULL,
    "postal_code" VARCHAR(8) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "hours" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(100) NOT NULL,
    "role" "Role" NOT NULL,
    "office_id" UUID NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "receipt_number" VARCHAR(32) NOT NULL,
    "office_id" UUID NOT NULL,
    "route" "Route" NOT NULL,
    "reason" "ResetReason" NOT NULL,
    "pins" "Pin"[],
    "state" "CaseState" NOT NULL DEFAULT 'received',
    "version" INTEGER NOT NULL DEFAULT 1,
    "note" VARCHAR(500),
    "policy_version_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parties" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "role" "PartyRole" NOT NULL,
    "kind" "RepresentativeKind",
    "family_name" VARCHAR(50) NOT NULL,
    "given_name" VARCHAR(50) NOT NULL,
    "family_name_kana" VARCHAR(100) NOT NULL,
    "given_name_kana" VARCHAR(100) NOT NULL,
    "birth_date" DATE,
    "postal_code" VARCHAR(8),
    "address" VARCHAR(200),
    "adult_ward" BOOLEAN,
    "has_signature_certificate" BOOLEAN,

    CONSTRAINT "parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presented_documents" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "visit" SMALLINT NOT NULL,
    "presented_by" "Presenter" NOT NULL,
    "type" "DocumentType" NOT NULL,
    "issued_on" DATE,
    "expires_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presented_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_history" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "from_state" "CaseState",
    "to_state" "CaseState" NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" "CancelReason",
    "note" VARCHAR(500),

    CONSTRAINT "case_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inquiry_letters" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "inquiry_number" VARCHAR(32) NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'pending',
    "pdf" BYTEA,
    "pdf_sha256" CHAR(64),
    "rendered_at" TIMESTAMPTZ(3),
    "mailed_on" DATE,
    "reply_deadline" DATE,
    "print_run_id" UUID,
    "superseded_at" TIMESTAMPTZ(3),
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inquiry_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "print_runs" (
    "id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "status" "PrintRunStatus" NOT NULL DEFAULT 'rendering',
    "pdf" BYTEA,
    "pdf_sha256" CHAR(64),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "print_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" BIGSERIAL NOT NULL,
    "job" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(1000),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "municipalities_code_key" ON "municipalities"("code");

-- CreateIndex
CREATE UNIQUE INDEX "policy_versions_municipality_id_version_key" ON "policy_versions"("municipality_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "offices_code_key" ON "offices"("code");

-- CreateIndex
CREATE INDEX "offices_municipality_id_idx" ON "offices"("municipality_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_username_key" ON "staff_users"("username");

-- CreateIndex
CREATE INDEX "cases_office_id_state_created_at_idx" ON "cases"("office_id", "state", "created_at");

-- CreateIndex
CREATE INDEX "cases_state_route_created_at_idx" ON "cases"("state", "route", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "cases_office_id_receipt_number_key" ON "cases"("office_id", "receipt_number");

-- CreateIndex
CREATE INDEX "parties_family_name_kana_given_name_kana_idx" ON "parties"("family_name_kana", "given_name_kana");

-- CreateIndex
CREATE UNIQUE INDEX "parties_case_id_role_key" ON "parties"("case_id", "role");

-- CreateIndex
CREATE INDEX "presented_documents_case_id_idx" ON "presented_documents"("case_id");

-- CreateIndex
CREATE INDEX "case_history_case_id_at_idx" ON "case_history"("case_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "inquiry_letters_inquiry_number_key" ON "inquiry_letters"("inquiry_number");

-- CreateIndex
CREATE INDEX "inquiry_letters_case_id_idx" ON "inquiry_letters"("case_id");

-- CreateIndex
CREATE INDEX "inquiry_letters_status_created_at_idx" ON "inquiry_letters"("status", "created_at");

-- CreateIndex
CREATE INDEX "inquiry_letters_print_run_id_idx" ON "inquiry_letters"("print_run_id");

-- CreateIndex
CREATE INDEX "print_runs_office_id_created_at_idx" ON "print_runs"("office_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_messages_sent_at_id_idx" ON "outbox_messages"("sent_at", "id");

-- AddForeignKey
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offices" ADD CONSTRAINT "offices_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_policy_version_id_fkey" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parties" ADD CONSTRAINT "parties_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presented_documents" ADD CONSTRAINT "presented_documents_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_history" ADD CONSTRAINT "case_history_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_history" ADD CONSTRAINT "case_history_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inquiry_letters" ADD CONSTRAINT "inquiry_letters_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inquiry_letters" ADD CONSTRAINT "inquiry_letters_print_run_id_fkey" FOREIGN KEY ("print_run_id") REFERENCES "print_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
