-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "municipality_id" UUID;

-- CreateIndex
CREATE INDEX "outbox_messages_municipality_id_sent_at_idx" ON "outbox_messages"("municipality_id", "sent_at");

-- Rows written before this migration: their municipality through the letter or print run they name.
UPDATE "outbox_messages" m SET "municipality_id" = o."municipality_id"
FROM "inquiry_letters" l JOIN "cases" c ON c."id" = l."case_id" JOIN "offices" o ON o."id" = c."office_id"
WHERE m."municipality_id" IS NULL AND m."payload" ->> 'letterId' = l."id"::text;
UPDATE "outbox_messages" m SET "municipality_id" = o."municipality_id"
FROM "print_runs" r JOIN "offices" o ON o."id" = r."office_id"
WHERE m."municipality_id" IS NULL AND m."payload" ->> 'printRunId' = r."id"::text;
