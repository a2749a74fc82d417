import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing';

/**
 * Every statement over cases names the caller's municipality and its offices. PostgreSQL must know
 * that an office belongs to one municipality (the migration's dependency statistics), or it
 * multiplies the two and takes a city's cases for a fraction of what they are — and picks plans for
 * a handful of rows where there are thousands (bench/README.md: today's walk-ins).
 */
const CITIES = 10;
const OFFICES = 2;
const CASES_PER_CITY = 300;

let database: TestDatabase;
let client: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  // Ten cities alike, each with two offices holding its cases, registered over a year.
  await client.query(
    `WITH m AS (
       INSERT INTO municipalities (id, code, name) SELECT gen_random_uuid(), (991500 + g)::text, '統計市' || g FROM generate_series(1, $1::int) g RETURNING id),
     p AS (INSERT INTO policy_versions (id, municipality_id, version, policy) SELECT gen_random_uuid(), id, 1, '{}' FROM m)
     INSERT INTO offices (id, code, name, municipality_id, postal_code, address, phone, updated_at)
     SELECT gen_random_uuid(), 'O' || o, '庁舎' || o, m.id, '100-0001', '本町1', '03-0000-0000', now() FROM m, generate_series(1, $2::int) o`,
    [CITIES, OFFICES],
  );
  await client.query(
    `INSERT INTO staff_users (id, username, display_name, role, office_id, password_hash, municipality_id, updated_at)
     SELECT DISTINCT ON (o.municipality_id) gen_random_uuid(), 'clerk', '窓口', 'clerk', o.id, 'x', o.municipality_id, now() FROM offices o`,
  );
  await client.query(
    `INSERT INTO cases (id, receipt_number, office_id, route, reason, pins, policy_version_id, created_by_id, created_at, updated_at, municipality_id)
     SELECT gen_random_uuid(), o.code || '-' || g, o.id, 'self', 'forgotten', ARRAY['user_auth']::"Pin"[], p.id, u.id,
            now() - g * interval '1 day' * 365 / $1::int, now(), o.municipality_id
     FROM offices o
     JOIN policy_versions p ON p.municipality_id = o.municipality_id
     JOIN staff_users u ON u.municipality_id = o.municipality_id
     CROSS JOIN generate_series(1, $1::int) g`,
    [CASES_PER_CITY / OFFICES],
  );
  await client.query('ANALYZE cases');
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("the cases' statistics", () => {
  it("estimate a city's scope (its municipality and its offices) as the cases it holds, not a tenth of them", async () => {
    const { rows: cities } = await client.query<{ municipality_id: string; offices: string[] }>(
      `SELECT municipality_id, array_agg(id) AS offices FROM offices GROUP BY municipality_id`,
    );
    expect(cities).toHaveLength(CITIES);
    for (const city of cities) {
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
        `EXPLAIN (FORMAT JSON) SELECT 1 FROM cases c WHERE c.municipality_id = $1::uuid AND c.office_id = ANY($2::uuid[])`,
        [city.municipality_id, city.offices],
      );
      const estimated = rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
      // Taken for independent, the two conditions would be estimated at 300 × 1/10 = 30 rows.
      expect(estimated).toBeGreaterThanOrEqual(CASES_PER_CITY * 0.75);
      expect(estimated).toBeLessThanOrEqual(CASES_PER_CITY * 1.25);
    }
  });
});
