-- AlterTable
ALTER TABLE "parties" ADD COLUMN     "search_name" VARCHAR(100);

-- Searched by prefix, in byte order: the "C" collation lets the plain index below serve LIKE '高橋%'.
ALTER TABLE "parties" ALTER COLUMN "search_name" TYPE VARCHAR(100) COLLATE "C";

-- CreateIndex
CREATE INDEX "parties_search_name_prefix_idx" ON "parties"("search_name");

-- The key of names written before this migration, as packages/domain's nameSearchKey computes it
-- (NFKC, no variation selectors or spaces, variant forms folded: the two strings below are its
-- VARIANT_FORMS, kept equal by a test).
UPDATE "parties" SET "search_name" = left(translate(
  regexp_replace(normalize("family_name" || "given_name", NFKC), '[\U000E0100-\U000E01EF\uFE00-\uFE0F[:space:]　]', '', 'g'),
  '髙𠮷﨑嵜碕邊邉澤齋齊濱濵櫻廣國眞冨德瀧嶋嶌峯槇栁藪龍實惠榮與壽淺圓關學',
  '高吉崎崎崎辺辺沢斎斉浜浜桜広国真富徳滝島島峰槙柳薮竜実恵栄与寿浅円関学'), 100);
