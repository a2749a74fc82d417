-- CreateEnum
CREATE TYPE "LetterReissueReason" AS ENUM ('lost', 'returned', 'damaged');

-- AlterTable
ALTER TABLE "inquiry_letters" ADD COLUMN     "issued_on" DATE,
ADD COLUMN     "missing_characters" VARCHAR(200),
ADD COLUMN     "print_run_position" INTEGER,
ADD COLUMN     "reissue_of_id" UUID,
ADD COLUMN     "reissue_reason" "LetterReissueReason";

-- AlterTable
ALTER TABLE "print_runs" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancelled_by_id" UUID,
ADD COLUMN     "last_error" VARCHAR(1000),
ADD COLUMN     "letter_count" INTEGER NOT NULL,
ADD COLUMN     "mailed_by_id" UUID,
ADD COLUMN     "printed_on" DATE NOT NULL,
ADD COLUMN     "rendered_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "inquiry_letters_reissue_of_id_key" ON "inquiry_letters"("reissue_of_id");

-- CreateIndex
CREATE INDEX "print_runs_status_created_at_idx" ON "print_runs"("status", "created_at");

-- AddForeignKey
ALTER TABLE "inquiry_letters" ADD CONSTRAINT "inquiry_letters_reissue_of_id_fkey" FOREIGN KEY ("reissue_of_id") REFERENCES "inquiry_letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_mailed_by_id_fkey" FOREIGN KEY ("mailed_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
