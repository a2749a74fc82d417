// bench/lists/seed.mjs: a database of 1,000,000 cases with the shapes a national platform would
// hold, made by PostgreSQL itself (INSERT … SELECT over generate_series), in a few minutes.
//   node bench/lists/seed.mjs [cases] [--municipalities N]   → database madoguchi_bench_lists
// The first municipality (見本市, the demo staff's, five offices) holds 40% of the cases, as a
// large city would (400,000 of a million). The others share the rest: with the default ten, nine
// cities of five offices alike; with more (up to 4,095; 1,741 is Japan's count), four large cities
// of five offices and a long tail of two-office towns, each next one smaller (the share of the k-th
// office falls as k^(-2/3): a handful of cities hold a tenth of the cases, the last towns a few
// dozen each). Office codes are M<municipality in hex>O<n>: unique however many there are.
// Every row names its municipality (row-level security), as the API's inserts do; the parent-row
// trigger is for inserts that do not. Routes: self 55%, legal representative 10%, voluntary agent 35%; cases registered over three
// years, about 300 of them today; states by route as an office would see them (most completed,
// agent cases waiting for their reply, a third of those overdue).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { Client } = require('pg');

export const BENCH_DATABASE = 'madoguchi_bench_lists';
export const BENCH_PASSWORD = 'bench-password';

const args = process.argv.slice(2);
const flag = args.indexOf('--municipalities');
const MUNICIPALITIES = flag >= 0 ? Number(args[flag + 1]) : 10;
const CASES = Number(args.find((a, i) => !a.startsWith('--') && i !== flag + 1) ?? 1_000_000);
if (!Number.isInteger(MUNICIPALITIES) || MUNICIPALITIES < 2 || MUNICIPALITIES > 4096) throw new Error('--municipalities: 2 to 4,096');
/** Ten municipalities: the others alike (the shape of the earlier results); more: a long tail. */
const TAIL = MUNICIPALITIES > 10;
const started = Date.now();
const say = (what) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${what}`);

const server = (await db$.resolveDatabaseUrl()).url;
const url = db$.withDatabase(server, BENCH_DATABASE);
await db$.dropDatabase(url).catch(() => undefined);
await db$.createDatabase(url);
await db$.deployMigrations({ databaseUrl: url });
const prisma = db$.createDatabaseClient(url, { poolSize: 2 });
await db$.seedDemoData(prisma, BENCH_PASSWORD);
await prisma.$disconnect();
say('database created, migrated, demo staff seeded');

const sql = new Client({ connectionString: url });
await sql.connect();
const run = async (what, text) => {
  await sql.query(text);
  say(what);
};

await run(
  'municipalities and offices',
  `
  INSERT INTO municipalities (id, code, name) SELECT gen_random_uuid(), (900000 + m)::text, '試験市' || m FROM generate_series(1, ${MUNICIPALITIES - 1}) m;
  INSERT INTO policy_versions (id, municipality_id, version, policy)
    SELECT gen_random_uuid(), m.id, 1, p.policy FROM municipalities m, (SELECT policy FROM policy_versions LIMIT 1) p WHERE m.code <> '999999';
  INSERT INTO offices (id, code, name, municipality_id, postal_code, address, phone, updated_at)
    SELECT gen_random_uuid(), 'M' || lpad(to_hex(m.code::int - 900000), 3, '0') || 'O' || o, m.name || ' 窓口' || o, m.id, '100-0001', m.name || '中央' || o, '0120-000-000', now()
    FROM municipalities m, generate_series(1, 5) o
    WHERE m.code <> '999999' AND (o <= 2 OR ${TAIL ? 'm.code::int <= 900004' : 'true'});
  INSERT INTO offices (id, code, name, municipality_id, postal_code, address, phone, updated_at)
    SELECT gen_random_uuid(), 'HQ' || o, '見本市 出張所' || o, m.id, '100-0001', '見本市', '0120-000-000', now()
    FROM municipalities m, generate_series(3, 5) o WHERE m.code = '999999';`,
);

await run(
  `${CASES.toLocaleString()} cases`,
  `
  SELECT setseed(0.42);
  CREATE TEMP TABLE office_pick AS
    SELECT o.id, o.code, row_number() OVER (ORDER BY (m.code = '999999') DESC, m.code, o.code) AS n, (m.code = '999999') AS home
    FROM offices o JOIN municipalities m ON m.id = o.municipality_id;
  CREATE UNIQUE INDEX ON office_pick (n);
  ANALYZE office_pick;
  CREATE TEMP TABLE gen AS
    SELECT i,
      gen_random_uuid() AS id,
      random() AS r_route, random() AS r_state, random() AS r_office, random() AS r_extra,
      -- three years back, and about 300 walk-ins today: since midnight in Japan, the counter's day
      -- and the list's (the last 8 hours were before: at 04:00 in Japan, most of them were yesterday's)
      CASE WHEN i <= 300 THEN now() - random() * (now() - (date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo') AT TIME ZONE 'Asia/Tokyo'))
        ELSE now() - interval '1 day' - random() * interval '1095 days' END AS created
    FROM generate_series(1, ${CASES}) i;
  CREATE TEMP TABLE shaped AS
    SELECT g.*,
      CASE WHEN r_route < 0.55 THEN 'self' WHEN r_route < 0.65 THEN 'legal_representative' ELSE 'voluntary_agent' END::"Route" AS route,
      -- As a whole number, so the pick is an index look-up, not a scan of every office per case.
      (SELECT id FROM office_pick p WHERE p.n = (CASE WHEN g.r_office < 0.4 THEN 1 + floor(g.r_office / 0.4 * 5)
        ELSE 6 + floor(power((g.r_office - 0.4) / 0.6, ${TAIL ? 3 : 1}) * ((SELECT count(*) FROM office_pick) - 5)) END)::bigint) AS office_id
    FROM gen g;
  CREATE TEMP TABLE staged AS
    SELECT s.*,
      CASE
        WHEN s.route <> 'voluntary_agent' THEN CASE WHEN s.created > now() - interval '1 day' AND s.r_state < 0.5 THEN 'received' WHEN s.r_state < 0.97 THEN 'completed' ELSE 'cancelled' END
        WHEN s.created > now() - interval '2 days' THEN 'received'
        WHEN s.created > now() - interval '120 days' THEN CASE WHEN s.r_state < 0.55 THEN 'inquiry_mailed' WHEN s.r_state < 0.62 THEN 'reply_returned' WHEN s.r_state < 0.92 THEN 'completed' ELSE 'cancelled' END
        ELSE CASE WHEN s.r_state < 0.88 THEN 'completed' ELSE 'cancelled' END
      END::"CaseState" AS state
    FROM shaped s;
  INSERT INTO cases (id, receipt_number, office_id, route, reason, pins, state, version, policy_version_id, created_by_id, created_at, updated_at, municipality_id)
    SELECT s.id,
      (SELECT m.code FROM municipalities m WHERE m.id = o.municipality_id) || '-' || o.code || '-' || extract(year FROM s.created)::int || '-' || lpad((row_number() OVER (PARTITION BY s.office_id, extract(year FROM s.created) ORDER BY s.created, s.i))::text, 5, '0'),
      s.office_id, s.route,
      (ARRAY['forgotten', 'locked', 'face_auth_switch'])[1 + floor(s.r_extra * 3)]::"ResetReason",
      CASE WHEN s.r_extra < 0.3 THEN ARRAY['user_auth']::"Pin"[] WHEN s.r_extra < 0.6 THEN ARRAY['user_auth', 'resident_registry']::"Pin"[] WHEN s.r_extra < 0.8 THEN ARRAY['signature']::"Pin"[] ELSE ARRAY['signature', 'user_auth', 'resident_registry', 'card_info']::"Pin"[] END,
      s.state, CASE WHEN s.state = 'received' THEN 1 ELSE 2 END,
      (SELECT pv.id FROM policy_versions pv JOIN offices oo ON oo.municipality_id = pv.municipality_id WHERE oo.id = s.office_id LIMIT 1),
      (SELECT id FROM staff_users WHERE username = 'clerk'), s.created, s.created, o.municipality_id
    -- In the order they were registered, as a live table fills: the receipt numbers' window sorts by
    -- office, and a table laid out by office makes a LIMITed scan's speed depend on where it starts.
    FROM staged s JOIN offices o ON o.id = s.office_id
    ORDER BY s.created, s.i;`,
);

await run(
  'holders and representatives',
  `
  INSERT INTO parties (id, case_id, role, family_name, given_name, family_name_kana, given_name_kana, search_name, birth_date, postal_code, address, adult_ward, has_signature_certificate, municipality_id)
    SELECT gen_random_uuid(), c.id, 'holder',
      (ARRAY['山田','佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山口','松本','井上','木村'])[k.f],
      (ARRAY['花子','太郎','美咲','健太','陽菜','翔','結衣','大輔','愛','誠'])[k.g],
      (ARRAY['ヤマダ','サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ','ヨシダ','ヤマグチ','マツモト','イノウエ','キムラ'])[k.f],
      (ARRAY['ハナコ','タロウ','ミサキ','ケンタ','ヒナ','ショウ','ユイ','ダイスケ','アイ','マコト'])[k.g],
      -- the search key (packages/domain nameSearchKey): these names have no variant forms to fold
      (ARRAY['山田','佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山口','松本','井上','木村'])[k.f] || (ARRAY['花子','太郎','美咲','健太','陽菜','翔','結衣','大輔','愛','誠'])[k.g],
      date '1930-01-01' + (random() * 30000)::int, '135-8383', '東京都江東区東陽' || (1 + floor(random() * 8)) || '-' || (1 + floor(random() * 30)), false, true, c.municipality_id
    -- One family name and one given name per holder, picked by the case's id (the same pick for kanji and kana).
    FROM cases c, LATERAL (SELECT 1 + abs(hashtext(c.id::text)) % 16 AS f, 1 + abs(hashtext(c.id::text || 'g')) % 10 AS g) k;
  INSERT INTO parties (id, case_id, role, kind, family_name, given_name, family_name_kana, given_name_kana, search_name, municipality_id)
    SELECT gen_random_uuid(), c.id, 'representative', CASE WHEN c.route = 'voluntary_agent' THEN 'agent' ELSE 'parent' END::"RepresentativeKind", '代理', '次郎', 'ダイリ', 'ジロウ', '代理次郎', c.municipality_id
    FROM cases c WHERE c.route <> 'self';`,
);

await run(
  'documents and history',
  `
  INSERT INTO presented_documents (id, case_id, visit, presented_by, type, expires_on, created_at, municipality_id)
    SELECT gen_random_uuid(), c.id, 1, CASE WHEN c.route = 'self' THEN 'holder' ELSE 'representative' END::"Presenter", 'drivers_license', date '2030-01-01', c.created_at, c.municipality_id FROM cases c;
  INSERT INTO case_history (case_id, from_state, to_state, actor_id, at, municipality_id)
    SELECT c.id, NULL, 'received', c.created_by_id, c.created_at, c.municipality_id FROM cases c;
  -- Two in five cancelled agent cases lapsed: cancelled by the system (no actor) for an overdue reply.
  INSERT INTO case_history (case_id, from_state, to_state, actor_id, at, reason, municipality_id)
    SELECT c.id, 'received', c.state, CASE WHEN k.lapsed THEN NULL ELSE c.created_by_id END, c.created_at + interval '1 hour',
      CASE WHEN k.lapsed THEN 'reply_overdue'::"CancelReason" WHEN c.state = 'cancelled' THEN 'withdrawn'::"CancelReason" END, c.municipality_id
    FROM cases c, LATERAL (SELECT c.route = 'voluntary_agent' AND c.state = 'cancelled' AND abs(hashtext(c.id::text || 'l')) % 5 < 2 AS lapsed) k
    WHERE c.state <> 'received';`,
);

await run(
  'letters of the agent cases (a third of those awaiting their reply overdue)',
  `
  INSERT INTO inquiry_letters (id, case_id, inquiry_number, status, issued_on, mailed_on, reply_deadline, created_at, updated_at, municipality_id)
    SELECT gen_random_uuid(), c.id,
      upper(replace(c.id::text, '-', '')), -- unique like the real ones (which carry a check character)
      CASE WHEN c.state = 'received' THEN 'ready' ELSE 'mailed' END::"LetterStatus",
      c.created_at::date,
      CASE WHEN c.state <> 'received' THEN c.created_at::date + 1 END,
      CASE WHEN c.state = 'inquiry_mailed' AND random() < 0.33 THEN current_date - 1 - (random() * 60)::int
           WHEN c.state <> 'received' THEN greatest(c.created_at::date + 31, current_date + (random() * 25)::int)
           ELSE c.created_at::date + 30 END,
      c.created_at, c.created_at, c.municipality_id
    FROM cases c WHERE c.route = 'voluntary_agent';`,
);

await run(
  'returned letters (one in fifty mailed), half of them reissued',
  `
  UPDATE inquiry_letters SET returned_at = (mailed_on + 5)::timestamptz, returned_reason = 'moved_no_forwarding'
    WHERE status = 'mailed' AND abs(hashtext(id::text)) % 50 = 0;
  INSERT INTO inquiry_letters (id, case_id, inquiry_number, status, issued_on, mailed_on, reply_deadline, reissue_of_id, reissue_reason, created_at, updated_at, municipality_id)
    SELECT gen_random_uuid(), l.case_id, upper(replace(gen_random_uuid()::text, '-', '')), 'mailed', l.mailed_on + 6, l.mailed_on + 7, l.mailed_on + 37,
      l.id, 'returned', l.returned_at + interval '1 day', l.returned_at + interval '1 day', l.municipality_id
    FROM inquiry_letters l WHERE l.returned_at IS NOT NULL AND abs(hashtext(l.id::text || 'r')) % 2 = 0;
  UPDATE inquiry_letters SET status = 'superseded', superseded_at = updated_at
    WHERE id IN (SELECT reissue_of_id FROM inquiry_letters WHERE reissue_of_id IS NOT NULL);`,
);

await run(
  'receipt number sequences carried on from the seeded numbers',
  `
  INSERT INTO receipt_sequences (office_id, year, last, municipality_id)
    SELECT office_id, split_part(receipt_number, '-', 3)::int, max(split_part(receipt_number, '-', 4)::int), municipality_id FROM cases GROUP BY 1, 2, 4
  ON CONFLICT (office_id, year) DO UPDATE SET last = excluded.last;`,
);
await run('ANALYZE', 'ANALYZE');
const counts = await sql.query(
  `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM parties) AS parties, (SELECT count(*) FROM case_history) AS history, (SELECT count(*) FROM inquiry_letters) AS letters, (SELECT count(*) FROM case_history WHERE reason = 'reply_overdue') AS lapsed, (SELECT count(*) FROM inquiry_letters WHERE returned_at IS NOT NULL) AS returned, (SELECT count(*) FROM inquiry_letters WHERE reissue_of_id IS NOT NULL) AS reissued, pg_size_pretty(pg_database_size(current_database())) AS size`,
);
await sql.end();
say(`done: ${JSON.stringify(counts.rows[0])}`);
