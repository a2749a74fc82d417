-- CreateEnum
CREATE TYPE "ReturnReason" AS ENUM ('addressee_unknown', 'moved_no_forwarding', 'refused', 'other');

-- AlterEnum
ALTER TYPE "HistoryEvent" ADD VALUE 'letter_returned';

-- AlterTable
ALTER TABLE "case_history" ALTER COLUMN "actor_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "inquiry_letters" ADD COLUMN     "returned_at" TIMESTAMPTZ(3),
ADD COLUMN     "returned_by_id" UUID,
ADD COLUMN     "returned_note" VARCHAR(200),
ADD COLUMN     "returned_reason" "ReturnReason",
ADD COLUMN     "returned_to_address" VARCHAR(200),
ADD COLUMN     "returned_to_postal_code" VARCHAR(8);

-- CreateTable
CREATE TABLE "daily_runs" (
    "job" VARCHAR(64) NOT NULL,
    "municipality_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "done" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_runs_pkey" PRIMARY KEY ("job","municipality_id","day")
);

-- AddForeignKey
ALTER TABLE "daily_runs" ADD CONSTRAINT "daily_runs_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inquiry_letters" ADD CONSTRAINT "inquiry_letters_returned_by_id_fkey" FOREIGN KEY ("returned_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Stored policy versions take the mail-out-and-back fields at their defaults (packages/domain
-- DEFAULT_POLICY): 14 grace days, the sweep at 06:00, 110 yen 料金後納, completion notices on, PDFs kept 90 days.
UPDATE "policy_versions"
SET "policy" = jsonb_build_object(
    'lapseGraceDays', 14,
    'dailySweepAt', '06:00',
    'postageYen', 110,
    'postagePayment', 'deferred',
    'completionNotice', true,
    'pdfRetentionDays', 90
  ) || "policy"
WHERE jsonb_typeof("policy") = 'object';
