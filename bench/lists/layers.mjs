// bench/lists/layers.mjs: what each layer between the SQL floor and the API's request costs
// PostgreSQL — the CPU of its processes a request, read in nanoseconds from /proc/<pid>/schedstat, on
// the database bench/lists/seed.mjs made, `at a time` requests in flight:
//   1. the floor's statements as the owner, bare (what run.mjs and cpu.mjs measure the API against);
//   2. the same statements as madoguchi_app, each behind the scope's setting (row-level security);
//   3. the API's own statements (packages/db and the API's built code), as the API sends them;
//   4. those behind the login's function, as every request runs it (with a session the benches left).
// Each layer in turn, twice, so the spread shows; in brackets this process's CPU a request (the
// client's). `busy ms` spends that much CPU in this process around each request, as an API does
// between its statements. What HTTP and the API add on top is cpu.mjs's to count.
//   node bench/lists/layers.mjs [requests a measure, default 400] [at a time, default 1] [busy ms, default 0]
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { casePageFloor } from './case-page-floor.mjs';
import { kanaSearchFloor, newestFirstFloor, paramsFor } from './list-floor.mjs';
import { cpuUsedBetween, postgresCpuSeconds } from '../proc.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { caseListOrder, caseListPage, caseListPageCounted, caseListWhere } = require(`${root}/apps/api/dist/cases/case-list-statements.js`);
const { readCaseView } = require(`${root}/apps/api/dist/cases/case-view.js`);
const { japanDate } = require(`${root}/packages/domain/dist/index.js`);
const { Prisma, readRows } = db$;
const { Pool } = require('pg');

const RUNS = Number(process.argv[2] ?? 400);
const CONCURRENCY = Number(process.argv[3] ?? 1);
// CPU this process spends between a request's statements, as an API would (ms, in two halves: before and after them).
const BUSY_MS = Number(process.argv[4] ?? 0);
const busy = (ms) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = db$.createDatabaseClient(url, { poolSize: 1 });
const appDb = db$.createDatabaseClient(db$.appRoleUrl(url), { poolSize: CONCURRENCY });
const [hq] = await readRows(
  owner,
  Prisma.sql`SELECT municipality_id, array(SELECT id::text FROM offices o WHERE o.municipality_id = h.municipality_id) AS office_ids FROM offices h WHERE code = 'HQ'`,
);
const [{ id: someCase }] = await readRows(
  owner,
  Prisma.sql`SELECT id FROM cases WHERE office_id = ${hq.office_ids[0]}::uuid AND state = 'inquiry_mailed' LIMIT 1`,
);
const staff = { municipalityId: hq.municipality_id, municipalityOfficeIds: hq.office_ids };
const IN_MUNICIPALITY = `c.municipality_id = '${hq.municipality_id}'::uuid AND c.office_id = ANY($1::uuid[])`;
const inScope = (work) => db$.inMunicipality(staff.municipalityId, work);
// The floors on pg pools, as run.mjs sends them: the owner's bare, the app role's in the scope.
const { MunicipalityPool } = require(`${root}/packages/db/dist/scope-frame.js`);
const ownerPool = new Pool({ connectionString: url, max: CONCURRENCY, idleTimeoutMillis: 0 });
const appPool = new MunicipalityPool({ connectionString: db$.appRoleUrl(url), max: CONCURRENCY, idleTimeoutMillis: 0 });

/** The floor's statements on a pool, bare or in the scope. */
const floorOn = (pool, statements, params, framed) => async () => {
  for (const text of statements) {
    const run = () => pool.query(text, paramsFor(text, params));
    await (framed ? inScope(run) : run());
  }
};
// A session the benches' logins left (one that returns its row, as a request's does), or none.
const [session] = await readRows(owner, Prisma.sql`SELECT id FROM staff_sessions ORDER BY created_at DESC LIMIT 1`);
const sessionId = session?.id ?? randomUUID();
const login = () => readRows(appDb, Prisma.sql`SELECT * FROM staff_session_principal(${sessionId}::uuid)`);

const today = japanDate(new Date());
const listRequest = (filter, counted) => async () => {
  const where = caseListWhere(staff, filter, today);
  const order = caseListOrder('createdAt', 'desc');
  // As the API asks: a counted list's page and count in one statement, a search's page alone.
  await inScope(() =>
    counted ? caseListPageCounted(appDb, where, order, { skip: 0, take: 25 }, 1000) : caseListPage(appDb, where, order, { skip: 0, take: 26 }),
  );
};
const kana = ['ヤマダ', `ヤマダ${String.fromCodePoint(0x10ffff)}`];
const measures = [
  {
    name: 'the list as it opens (newest first)',
    floor: [newestFirstFloor(IN_MUNICIPALITY), [hq.office_ids]],
    api: listRequest({}, true),
  },
  { name: 'a kana search (ヤマダ)', floor: [kanaSearchFloor(IN_MUNICIPALITY), [hq.office_ids, ...kana]], api: listRequest({ q: 'ヤマダ' }, false) },
  {
    name: "one case's page",
    floor: [[casePageFloor(IN_MUNICIPALITY.replace('$1', '$2'))], [someCase, hq.office_ids]],
    api: () => inScope(() => readCaseView(appDb, staff, someCase)),
  },
];

/** RUNS requests, CONCURRENCY at a time: PostgreSQL's and this process's ms of CPU a request. */
async function cost(request) {
  const run = async (n) => {
    let left = n;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) {
          busy(BUSY_MS / 2);
          await request();
          busy(BUSY_MS / 2);
        }
      }),
    );
  };
  await run(20 * CONCURRENCY);
  const before = { postgres: postgresCpuSeconds(), self: process.cpuUsage() };
  await run(RUNS);
  const self = process.cpuUsage(before.self);
  return { postgres: (cpuUsedBetween(before.postgres, postgresCpuSeconds()) * 1000) / RUNS, client: (self.user + self.system) / RUNS / 1e3 };
}

console.log(`${RUNS} requests a measure, ${CONCURRENCY} at a time; ms of CPU a request, PostgreSQL's (this process's, the client's), in two turns\n`);
console.log(
  "| request | 1. floor, owner, bare | 2. floor, app role, in the scope | 3. the API's statements | 4. and the login's function |\n|---|---|---|---|---|",
);
for (const m of measures) {
  const [statements, params] = m.floor;
  const layers = [
    floorOn(ownerPool, statements, params, false),
    floorOn(appPool, statements, params, true),
    m.api,
    async () => {
      await login();
      await m.api();
    },
  ];
  const turns = [];
  for (let turn = 0; turn < 2; turn++) {
    const costs = [];
    for (const request of layers) costs.push(await cost(request));
    turns.push(costs);
  }
  console.log(`| ${m.name} | ${layers.map((_, i) => turns.map((t) => `${t[i].postgres.toFixed(2)} (${t[i].client.toFixed(2)})`).join(' / ')).join(' | ')} |`);
}
await Promise.all([owner.$disconnect(), appDb.$disconnect(), ownerPool.end(), appPool.end()]);
