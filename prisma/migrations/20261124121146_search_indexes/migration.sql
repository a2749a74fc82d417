-- CreateIndex
CREATE INDEX "cases_receipt_number_idx" ON "cases"("receipt_number");

-- CreateIndex
CREATE INDEX "parties_given_name_kana_idx" ON "parties"("given_name_kana");
