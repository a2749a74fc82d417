// bench/lists/run.mjs: the desk's lists at scale, through the API and as plain SQL, on the
// database bench/lists/seed.mjs made. Also registration throughput beside a bare NestJS endpoint,
// and the API's peak memory. The API runs as in production, as the application's role under
// row-level security; what that costs is measured beside the same API as the tables' owner (who
// bypasses the policies) and the floors' SQL in the API's frame (the statement behind the scope's
// set_config, one round trip: packages/db's MunicipalityPool) as the application's role beside the
// bare statement as the owner. And each floor served over HTTP by a bare NestJS application, with and
// without the login's statement (floor-over-http.mjs): what any API on this platform costs here.
//   node bench/lists/seed.mjs && node bench/lists/run.mjs [seconds per measure, default 15]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { peakRssMb } from '../proc.mjs';
import { casePageFloor } from './case-page-floor.mjs';
import { kanaSearchFloor, LIST_PAGE_FLOOR, newestFirstFloor, paramsFor, todaysWalkInsFloor } from './list-floor.mjs';
import { agentCase, clerksAtEachOffice, eachConnectionAsNext, selfCase } from './registrations.mjs';
import { caseListPath, largestCity, todayInJapan } from './requests.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');
const devstack$ = require(`${root}/packages/devstack/dist/testing/index.js`);

const SECONDS = Number(process.argv[2] ?? 15);
const CONNECTIONS = 10;
const server = (await db$.resolveDatabaseUrl()).url;
const url = db$.withDatabase(server, 'madoguchi_bench_lists');
const pool = new Pool({ connectionString: url, max: CONNECTIONS });
await db$.ensureLocalAppRole(url);
const { MunicipalityPool } = require(`${root}/packages/db/dist/scope-frame.js`);
const appPool = new MunicipalityPool({ connectionString: db$.appRoleUrl(url), max: CONNECTIONS });
const rows = [];
const report = (what, values) => {
  rows.push({ what, ...values });
  console.error(what, JSON.stringify(values));
};

function startProcess(main, env) {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}
async function waitForHttp(u) {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(u).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${u} never answered`);
}

// --- the API on the bench database
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url) });
const headers = { authorization: `Bearer ${await login('clerk')}`, 'content-type': 'application/json' };
// The same API as the tables' owner: row-level security bypassed, the rest alike.
const asOwner = await startBenchApi({ url });
const ownerHeaders = { authorization: `Bearer ${await asOwner.login('clerk')}` };
const hq = (await pool.query(`SELECT id FROM offices WHERE code = 'HQ'`)).rows[0].id;
const { municipalityId, offices: municipalityOffices } = await largestCity(pool);
const sampleCase = (
  await pool.query(`SELECT c.id FROM cases c WHERE c.office_id = $1 AND c.route = 'voluntary_agent' AND c.state = 'inquiry_mailed' LIMIT 1`, [hq])
).rows[0].id;
const { date: today, start: todayStart, end: todayEnd } = todayInJapan();
// How many walk-ins today's list holds depends on the hour (the seed's are since midnight in Japan) and
// on what ran since the seed: recorded, so runs can be compared.
const walkInsToday = (
  await pool.query(`SELECT count(*)::int AS n FROM cases c WHERE c.office_id = ANY($1::uuid[]) AND c.created_at >= $2`, [municipalityOffices, todayStart])
).rows[0].n;

// The same answers as plain SQL (a page of rows with the holder and the current letter, and the
// total), the floor the API's queries are measured against.
const SUMMARY = LIST_PAGE_FLOOR;
// The caller's municipality as the API gives it: its id and its offices' ids, as values. With many
// municipalities a sub-select of them (or row-level security's setting alone) is estimated at the
// average city's share and planned for a small town.
const IN_MUNICIPALITY = `c.municipality_id = '${municipalityId}'::uuid AND c.office_id = ANY($1::uuid[])`;
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);
const OVERDUE = `c.state = 'inquiry_mailed' AND EXISTS (SELECT 1 FROM inquiry_letters l2 WHERE l2.case_id = c.id AND l2.status = 'mailed' AND l2.reply_deadline < $2)`;
const scenarios = [
  {
    name: 'overdue agent cases of one office',
    path: caseListPath({ officeId: hq, route: 'voluntary_agent', overdue: true }),
    sql: [
      `${SUMMARY} WHERE ${IN_MUNICIPALITY} AND c.office_id = $3 AND c.route = 'voluntary_agent' AND ${OVERDUE} ORDER BY c.created_at DESC, c.id LIMIT 25`,
      `SELECT count(*) FROM (SELECT 1 FROM cases c WHERE ${IN_MUNICIPALITY} AND c.office_id = $3 AND c.route = 'voluntary_agent' AND ${OVERDUE} LIMIT 1001) n`,
    ],
    params: [municipalityOffices, today, hq],
  },
  {
    name: 'kana search (ヤマダ)',
    path: caseListPath({ q: 'ヤマダ' }),
    sql: kanaSearchFloor(IN_MUNICIPALITY),
    // A prefix as a range of the C-collated index, as the API asks (LIKE is not LEAKPROOF: under
    // row-level security it would filter the city's rows instead).
    params: [municipalityOffices, 'ヤマダ', `ヤマダ${LAST_CHARACTER}`],
  },
  {
    name: 'kanji name search (山田)',
    path: caseListPath({ q: '山田' }),
    sql: [
      `${SUMMARY} WHERE ${IN_MUNICIPALITY} AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.search_name >= $2 AND p.search_name < $3) ORDER BY c.created_at DESC, c.id LIMIT 26`,
    ],
    params: [municipalityOffices, '山田', `山田${LAST_CHARACTER}`],
  },
  {
    name: 'all cases, newest first (the list as it opens)',
    path: caseListPath({}),
    sql: newestFirstFloor(IN_MUNICIPALITY),
    params: [municipalityOffices],
  },
  {
    name: "today's walk-ins",
    path: caseListPath({ createdFrom: today, createdTo: today }),
    sql: todaysWalkInsFloor(IN_MUNICIPALITY),
    params: [municipalityOffices, todayStart, todayEnd],
  },
  {
    name: "one case's page",
    path: `/api/cases/${sampleCase}`,
    sql: [casePageFloor(IN_MUNICIPALITY.replace('$1', '$2'))],
    params: [sampleCase, municipalityOffices],
  },
];

async function viaApi(pathname, at = base, as = headers) {
  const result = await autocannon({ url: `${at}${pathname}`, headers: as, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx) throw new Error(`${pathname}: ${result.non2xx} answers were not 2xx`);
  return { p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p95, p99: result.latency.p99, rps: result.requests.average };
}

/** The statements as the owner, bare; or, `framed`, as the application's role each in the API's frame. */
async function viaSql(statements, params, framed = false) {
  const latencies = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        for (const text of statements) {
          if (framed) await db$.inMunicipality(municipalityId, () => appPool.query(text, paramsFor(text, params)));
          else await pool.query(text, paramsFor(text, params));
        }
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: latencies.length / SECONDS };
}

// The floors served over HTTP by a bare NestJS application (floor-over-http.mjs), with and without
// the login's function first: what serving the floor's rows costs any API on this platform here.
const sessionId = JSON.parse(Buffer.from(headers.authorization.split('.')[1], 'base64url').toString()).sid;
const floorPort = await devstack$.freePorts();
const floorServer = startProcess(path.join(here, 'floor-over-http.mjs'), {
  PORT: String(floorPort),
  DATABASE_URL: url,
  SESSION_ID: sessionId,
  FLOORS: JSON.stringify(scenarios.map((s) => ({ sql: s.sql, params: s.params }))),
});
const floorBase = `http://127.0.0.1:${floorPort}`;
await waitForHttp(`${floorBase}/`);

const plans = [];
for (const [i, s] of scenarios.entries()) {
  const viaHttp = await viaApi(s.path);
  const floor = await viaSql(s.sql, s.params);
  const ownerHttp = await viaApi(s.path, asOwner.base, ownerHeaders);
  const framed = await viaSql(s.sql, s.params, true);
  const overHttp = await viaApi(`/floor/${i}`, floorBase, {});
  const overHttpWithLogin = await viaApi(`/floor/${i}/login`, floorBase, {});
  report(`GET ${s.name}`, {
    api: viaHttp,
    sql: floor,
    ratioP95: viaHttp.p95 / floor.p95,
    rls: { apiAsOwner: ownerHttp, sqlFramed: framed },
    bare: { overHttp, overHttpWithLogin },
  });
  const explained = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.sql[0]}`, paramsFor(s.sql[0], s.params));
  plans.push(`### ${s.name}\n\n\`\`\`\n${explained.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``);
}

// --- registration throughput, beside a NestJS endpoint that only answers 201
async function posts(u, body, tokens) {
  const setupClient = tokens && eachConnectionAsNext(tokens);
  const result = await autocannon({ url: u, method: 'POST', headers, body: JSON.stringify(body), connections: CONNECTIONS, duration: SECONDS, setupClient });
  if (result.non2xx) throw new Error(`${u}: ${result.non2xx} answers were not 2xx`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}
const registrationSelf = await posts(`${base}/api/cases`, selfCase);
const registrationAgent = await posts(`${base}/api/cases`, agentCase);
const registrationSpread = await posts(`${base}/api/cases`, agentCase, await clerksAtEachOffice(pool, login));
const barePort = await devstack$.freePorts();
const bare = startProcess(path.join(here, 'bare-nest.mjs'), { PORT: String(barePort) });
await waitForHttp(`http://127.0.0.1:${barePort}/`);
const bareResult = await posts(`http://127.0.0.1:${barePort}/cases`, agentCase);
bare.kill();
report('POST /api/cases (self: rules, case, parties, documents, history)', registrationSelf);
report('POST /api/cases (agent: the same, and the letter and its outbox row)', registrationAgent);
report("POST /api/cases (agent, from a clerk at each of the city's offices: each office's receipt numbers its own)", registrationSpread);
report('POST to a NestJS endpoint that only answers 201 (the framework on this machine)', bareResult);
report('API peak RSS (MB) over all of the above', { mb: peakRssMb(api.pid) });
api.kill();
floorServer.kill();
asOwner.child.kill();
await pool.end();
await appPool.end();

const cpus = os.cpus();
const cases = `see seed; today's walk-ins of the largest city at the start: ${walkInsToday}`;
const f = (n) => (typeof n === 'number' ? n.toFixed(n < 10 ? 1 : 0) : n);
console.log(
  `Machine: ${cpus.length} × ${cpus[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${SECONDS} s a measure, ${CONNECTIONS} connections (${cases})\n`,
);
console.log('| list | API p50 / p95 / p99 ms | API req/s | SQL p50 / p95 / p99 ms | SQL req/s | API p95 ÷ SQL p95 |\n|---|---|---|---|---|---|');
for (const r of rows.filter((x) => x.api))
  console.log(
    `| ${r.what} | ${f(r.api.p50)} / ${f(r.api.p95)} / ${f(r.api.p99)} | ${f(r.api.rps)} | ${f(r.sql.p50)} / ${f(r.sql.p95)} / ${f(r.sql.p99)} | ${f(r.sql.rps)} | ${r.ratioP95.toFixed(1)}× |`,
  );
console.log(
  "\n### What row-level security costs\n\nThe API as madoguchi_app (production) beside the same API as the owner (policies bypassed); the floor in the API's frame as madoguchi_app beside the bare statement as the owner.\n\n| list | API p95 ms: app / owner | API req/s: app / owner | SQL p95 ms: framed app / bare owner | SQL req/s: framed app / bare owner |\n|---|---|---|---|---|",
);
for (const r of rows.filter((x) => x.rls))
  console.log(
    `| ${r.what} | ${f(r.api.p95)} / ${f(r.rls.apiAsOwner.p95)} | ${f(r.api.rps)} / ${f(r.rls.apiAsOwner.rps)} | ${f(r.rls.sqlFramed.p95)} / ${f(r.sql.p95)} | ${f(r.rls.sqlFramed.rps)} / ${f(r.sql.rps)} |`,
  );
console.log(
  "\n### The floor served over HTTP\n\nThe floor's statements served by a bare NestJS application on Fastify (floor-over-http.mjs: no guard, validation, scope or log; the owner's pool of ten), then the same after the login's function, beside the floor and the API; each p95 in ms and ÷ the floor's.\n\n| list | SQL floor | the floor over HTTP | and the login's function | the API |\n|---|---|---|---|---|",
);
const over = (r, x) => `${f(x.p95)} (${(x.p95 / r.sql.p95).toFixed(1)}×)`;
for (const r of rows.filter((x) => x.bare))
  console.log(`| ${r.what} | ${f(r.sql.p95)} | ${over(r, r.bare.overHttp)} | ${over(r, r.bare.overHttpWithLogin)} | ${over(r, r.api)} |`);
console.log('\n| write | req/s | p50 / p99 ms |\n|---|---|---|');
for (const r of rows.filter((x) => x.rps !== undefined && !x.api)) console.log(`| ${r.what} | ${f(r.rps)} | ${f(r.p50)} / ${f(r.p99)} |`);
for (const r of rows.filter((x) => x.mb)) console.log(`\n${r.what}: ${r.mb.toFixed(0)}`);
console.log(`\n## Query plans (the SQL floor's page query)\n\n${plans.join('\n\n')}`);
