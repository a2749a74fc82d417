-- DropIndex
DROP INDEX "parties_family_name_kana_given_name_kana_idx";

-- DropIndex
DROP INDEX "parties_given_name_kana_idx";

-- CreateIndex
CREATE INDEX "cases_office_id_created_at_idx" ON "cases"("office_id", "created_at");

-- CreateIndex
CREATE INDEX "cases_created_at_idx" ON "cases"("created_at");

-- CreateIndex
CREATE INDEX "parties_family_name_kana_prefix_idx" ON "parties"("family_name_kana" text_pattern_ops);

-- CreateIndex
CREATE INDEX "parties_given_name_kana_prefix_idx" ON "parties"("given_name_kana" text_pattern_ops);
