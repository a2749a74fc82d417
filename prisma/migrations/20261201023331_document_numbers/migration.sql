-- AlterTable
ALTER TABLE "inquiry_letters" ADD COLUMN     "document_number" VARCHAR(64),
ADD COLUMN     "document_seq" INTEGER,
ADD COLUMN     "document_year" INTEGER;

-- CreateTable
CREATE TABLE "document_number_sequences" (
    "municipality_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "document_number_sequences_pkey" PRIMARY KEY ("municipality_id","fiscal_year")
);

-- Stored policy versions take the letter's wording fields at their defaults (packages/domain
-- DEFAULT_POLICY): the issuer from the municipality's name, document numbers as 第#号.
UPDATE "policy_versions"
SET "policy" = jsonb_build_object('letterIssuer', '', 'documentNumberFormat', '第#号') || "policy"
WHERE jsonb_typeof("policy") = 'object';
