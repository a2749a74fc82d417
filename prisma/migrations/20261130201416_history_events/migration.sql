-- CreateEnum
CREATE TYPE "HistoryEvent" AS ENUM ('letter_mailed', 'reissued_letter_mailed', 'letter_reissued');

-- AlterTable
ALTER TABLE "case_history" ADD COLUMN     "details" JSONB,
ADD COLUMN     "event" "HistoryEvent";
