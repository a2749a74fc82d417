-- CreateTable
CREATE TABLE "residents" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "resident_key" VARCHAR(64) NOT NULL,
    "family_name" VARCHAR(50) NOT NULL,
    "given_name" VARCHAR(50) NOT NULL,
    "family_name_kana" VARCHAR(100) NOT NULL,
    "given_name_kana" VARCHAR(100) NOT NULL,
    "birth_date" DATE NOT NULL,
    "postal_code" VARCHAR(8) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "residents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "residents_municipality_id_family_name_kana_given_name_kana__idx" ON "residents"("municipality_id", "family_name_kana", "given_name_kana", "birth_date");

-- CreateIndex
CREATE UNIQUE INDEX "residents_municipality_id_resident_key_key" ON "residents"("municipality_id", "resident_key");

-- AddForeignKey
ALTER TABLE "residents" ADD CONSTRAINT "residents_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
