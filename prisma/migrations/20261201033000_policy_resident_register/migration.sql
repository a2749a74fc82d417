-- Stored policy versions take the resident-register field at its default (packages/domain
-- DEFAULT_POLICY): `manual`, the typed address checked by the clerk, until a city requires the register.
UPDATE "policy_versions"
SET "policy" = jsonb_build_object('residentRegister', 'manual') || "policy"
WHERE jsonb_typeof("policy") = 'object';
