import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrationsDir } from '../paths';
import { createDatabase, dropDatabase } from '../server/admin';
import { withDatabase } from '../server/urls';
import { deployMigrations } from './migrator';

/**
 * The migration that put a municipality on every row (#19) on a database that already holds two
 * cities' work: each row gets its own city's, the append-only history allowed that one change and
 * refuses any other again after it.
 */
const MIGRATION = '20261201160000_municipality_rows_and_rls';
const url = withDatabase(process.env.DATABASE_URL!, `madoguchi_backfill_${Date.now().toString(36)}`);
let before: string;
let client: pg.Client;

beforeAll(async () => {
  // The migrations as they were before it.
  before = mkdtempSync(path.join(tmpdir(), 'madoguchi-migrations-'));
  for (const entry of readdirSync(migrationsDir)) {
    if (entry < MIGRATION || entry === 'migration_lock.toml') cpSync(path.join(migrationsDir, entry), path.join(before, entry), { recursive: true });
  }
  await createDatabase(url);
  await deployMigrations({ databaseUrl: url, migrationsDir: before });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
  rmSync(before, { recursive: true, force: true });
});

/** One city's work at the schema before the migration: a row in each table that gets a municipality. */
async function cityBefore(code: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `WITH m AS (INSERT INTO municipalities (id, code, name) VALUES (gen_random_uuid(), $1::text, '移行市' || $1::text) RETURNING id),
     p AS (INSERT INTO policy_versions (id, municipality_id, version, policy) SELECT gen_random_uuid(), id, 1, '{}' FROM m RETURNING id),
     o AS (INSERT INTO offices (id, code, name, municipality_id, postal_code, address, phone, updated_at)
           SELECT gen_random_uuid(), 'O' || $1::text, '本庁', id, '100-0001', '本町1', '03-0000-0000', now() FROM m RETURNING id)
     SELECT m.id, p.id AS policy_id, o.id AS office_id FROM m, p, o`,
    [code],
  );
  const { id, policy_id: policyId, office_id: officeId } = rows[0] as unknown as { id: string; policy_id: string; office_id: string };
  await client.query(
    `WITH u AS (INSERT INTO staff_users (id, username, display_name, role, office_id, password_hash, updated_at)
                VALUES (gen_random_uuid(), 'clerk' || $1::text, '窓口', 'clerk', $2::uuid, 'x', now()) RETURNING id),
     s AS (INSERT INTO staff_sessions (id, user_id, expires_at) SELECT gen_random_uuid(), id, now() FROM u),
     c AS (INSERT INTO cases (id, receipt_number, office_id, route, reason, pins, policy_version_id, created_by_id, updated_at)
           SELECT gen_random_uuid(), 'R-' || $1::text, $2::uuid, 'voluntary_agent', 'forgotten', ARRAY['user_auth']::"Pin"[], $3::uuid, id, now() FROM u RETURNING id, created_by_id),
     pa AS (INSERT INTO parties (id, case_id, role, family_name, given_name, family_name_kana, given_name_kana)
            SELECT gen_random_uuid(), id, 'holder', '移行', '花子', 'イコウ', 'ハナコ' FROM c),
     d AS (INSERT INTO presented_documents (id, case_id, visit, presented_by, type) SELECT gen_random_uuid(), id, 1, 'representative', 'passport' FROM c),
     h AS (INSERT INTO case_history (case_id, to_state, actor_id) SELECT id, 'received', created_by_id FROM c),
     l AS (INSERT INTO inquiry_letters (id, case_id, inquiry_number, updated_at) SELECT gen_random_uuid(), id, 'INQ' || $1::text, now() FROM c RETURNING id, case_id),
     r AS (INSERT INTO reply_checks (case_id, letter_id, actor_id, kind, outcome) SELECT l.case_id, l.id, c.created_by_id, 'lookup', 'matched' FROM l, c),
     k AS (INSERT INTO idempotency_keys (staff_user_id, key, request_hash, case_id) SELECT created_by_id, 'key' || $1::text, repeat('0', 64), id FROM c),
     n AS (INSERT INTO completion_notices (id, case_id, updated_at) SELECT gen_random_uuid(), id, now() FROM c),
     q AS (INSERT INTO receipt_sequences (office_id, year, last) VALUES ($2::uuid, 2026, 1)),
     pr AS (INSERT INTO print_runs (id, office_id, letter_count, printed_on, created_by_id) SELECT gen_random_uuid(), $2::uuid, 1, current_date, created_by_id FROM c RETURNING id, created_by_id),
     ml AS (INSERT INTO mail_ledgers (id, print_run_id, office_id, mailed_on, confirmed_by_id, confirmed_at, piece_count, postage_yen, postage_total, postage_payment)
            SELECT gen_random_uuid(), id, $2::uuid, current_date, created_by_id, now(), 1, 110, 110, 'deferred' FROM pr RETURNING id),
     mll AS (INSERT INTO mail_ledger_lines (ledger_id, position, kind, case_id, document_number, addressee_name, postal_code, mail_class)
             SELECT ml.id, 0, 'inquiry_letter', c.id, '第1号', '移行 花子', '100-0001', '普通' FROM ml, c),
     mld AS (INSERT INTO mail_ledger_documents (office_id, day, runs, pdf, pdf_sha256, rendered_at) VALUES ($2::uuid, current_date, 1, '\\x00', repeat('0', 64), now()))
     SELECT 1`,
    [code, officeId, policyId],
  );
  return id;
}

const TABLES = [
  'staff_users',
  'staff_sessions',
  'cases',
  'parties',
  'presented_documents',
  'case_history',
  'reply_checks',
  'inquiry_letters',
  'print_runs',
  'receipt_sequences',
  'idempotency_keys',
  'completion_notices',
  'mail_ledgers',
  'mail_ledger_lines',
  'mail_ledger_documents',
];

describe(`the migration ${MIGRATION}`, () => {
  it("gives every row of two cities' work its own city, and leaves the history append-only", async () => {
    const cities = [await cityBefore('991231'), await cityBefore('991232')];
    const applied = await deployMigrations({ databaseUrl: url });
    expect(applied).toContain(MIGRATION);
    for (const table of TABLES) {
      const { rows } = await client.query<{ municipality_id: string; n: string }>(`SELECT municipality_id, count(*) AS n FROM ${table} GROUP BY 1 ORDER BY 1`);
      expect({ table, rows }).toEqual({ table, rows: [...cities].sort().map((id) => ({ municipality_id: id, n: '1' })) });
    }
    // And the receipt numbers given before carry their city's code (20261201190000).
    const numbers = await client.query<{ receipt_number: string }>(`SELECT receipt_number FROM cases ORDER BY 1`);
    expect(numbers.rows.map((r) => r.receipt_number)).toEqual(['991231-R-991231', '991232-R-991232']);
    await expect(client.query(`UPDATE case_history SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM reply_checks`)).rejects.toThrow(/append-only/);
  });
});
