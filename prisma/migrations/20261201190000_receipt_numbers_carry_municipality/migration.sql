-- Receipt numbers carry their municipality's code (#19): office codes are each municipality's own
-- now, so two cities may both number HQ-2026-00042; 131083-HQ-2026-00042 is one case on the whole
-- platform. Numbers given before keep their office part: a clerk who types one as it was printed
-- (HQ-2026-00042) finds it at their own counter, where the search completes it with their code.
UPDATE "cases" c SET receipt_number = m.code || '-' || c.receipt_number
FROM "municipalities" m
WHERE m.id = c.municipality_id AND c.receipt_number !~ '^\d{6}-';
