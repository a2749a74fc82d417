-- AlterEnum
ALTER TYPE "DocumentType" ADD VALUE 'relationship_proof';

-- Stored policy versions take the new shape: every field the rules issue added, at its default
-- (packages/domain DEFAULT_POLICY), unless the version already has it. Versions are otherwise
-- never changed: a case keeps deciding under the version it was registered with.
UPDATE "policy_versions"
SET "policy" = jsonb_build_object(
  'legalRepresentativeHolderSecondId', 'a_or_b',
  'parentProof', 'family_register',
  'parentProofWaiver', 'household_or_register_in_city',
  'legalRepresentativeIds', 'two_one_a',
  'representativeIdsShowCurrentAddress', true,
  'healthInsuranceCardLastDay', '2025-12-01',
  'repliesAtRegisteringOffice', true,
  'nationalSystemClosures', '[]'::jsonb
) || "policy"
WHERE jsonb_typeof("policy") = 'object';
