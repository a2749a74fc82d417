-- CreateIndex
CREATE INDEX "case_history_to_state_at_idx" ON "case_history"("to_state", "at");

-- CreateIndex
CREATE INDEX "case_history_from_state_at_idx" ON "case_history"("from_state", "at");

-- CreateIndex
CREATE INDEX "inquiry_letters_mailed_on_idx" ON "inquiry_letters"("mailed_on");
