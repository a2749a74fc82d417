-- DropIndex
DROP INDEX "parties_family_name_kana_given_name_kana_idx";

-- CreateIndex
CREATE INDEX "cases_office_id_created_at_idx" ON "cases"("office_id", "created_at");

-- CreateIndex
CREATE INDEX "cases_created_at_idx" ON "cases"("created_at");

-- CreateIndex
CREATE INDEX "parties_family_name_kana_prefix_idx" ON "parties"("family_name_kana");

-- RenameIndex
ALTER INDEX "parties_given_name_kana_idx" RENAME TO "parties_given_name_kana_prefix_idx";

-- Kana is searched by prefix and sorted as written: byte order (the "C" collation) is the right
-- order for it, and under it the plain btree indexes above serve LIKE 'ヤマ%' whatever the
-- database's own collation (Prisma does not model a column's collation).
ALTER TABLE "parties" ALTER COLUMN "family_name_kana" TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE "parties" ALTER COLUMN "given_name_kana" TYPE VARCHAR(100) COLLATE "C";
