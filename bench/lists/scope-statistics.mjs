// bench/lists/scope-statistics.mjs: today's walk-ins and the list as it opens through the API, with
// and without the statistics that tell PostgreSQL an office belongs to one municipality
// (prisma/migrations/20261202110000_case_scope_statistics), turn about on one database — after a
// day's registrations the statistics have not seen, as between two ANALYZEs of a live table.
//   node bench/lists/scope-statistics.mjs [registrations, default 2000] [rounds, default 3] [seconds a measure, default 8]
// It leaves the statistics as the migration made them (and ANALYZEs the cases), and its
// registrations are today's walk-ins and the newest cases afterwards: reseed before run.mjs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { cpuUsedBetween, postgresCpuSeconds } from '../proc.mjs';
import { agentCase, selfCase } from './registrations.mjs';
import { caseListPath, largestCity, todayInJapan } from './requests.mjs';
import { median } from '../stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');

const REGISTRATIONS = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 3);
const SECONDS = Number(process.argv[4] ?? 8);
const CONNECTIONS = 10;
const STATISTICS = 'cases_office_municipality';

const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = new Pool({ connectionString: url, max: 1 });
const api = await startBenchApi({ url: db$.appRoleUrl(url) });
const headers = { authorization: `Bearer ${await api.login('clerk')}`, 'content-type': 'application/json' };

/** The dependency known to the planner (built by an ANALYZE of its two columns only: created_at's histogram stays as it was), or not. */
async function statistics(known) {
  if (known) {
    await owner.query(`CREATE STATISTICS IF NOT EXISTS ${STATISTICS} (dependencies) ON office_id, municipality_id FROM cases`);
    await owner.query('ANALYZE cases (office_id, municipality_id)');
  } else {
    await owner.query(`DROP STATISTICS IF EXISTS ${STATISTICS}`);
  }
}

const today = todayInJapan();
const city = await largestCity(owner);
/** Today's walk-ins of the largest city: how many there are, and how many PostgreSQL estimates (below a page, it reads and sorts the whole day). */
async function walkIns() {
  const scope = 'c.municipality_id = $1 AND c.office_id = ANY($2) AND c.created_at >= $3 AND c.created_at < $4';
  const params = [city.municipalityId, city.offices, today.start, today.end];
  const [{ rows: counted }, { rows: explained }] = await Promise.all([
    owner.query(`SELECT count(*)::int AS n FROM cases c WHERE ${scope}`, params),
    owner.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM cases c WHERE ${scope}`, params),
  ]);
  return { actual: counted[0].n, estimated: explained[0]['QUERY PLAN'][0].Plan['Plan Rows'] };
}
const measures = [
  { name: "today's walk-ins", path: caseListPath({ createdFrom: today.date, createdTo: today.date }) },
  { name: 'the list as it opens', path: caseListPath({}) },
];

/** The load on the API: requests a second, latencies, and PostgreSQL's CPU a request (ms, every backend, from /proc). */
async function load(pathname) {
  const before = postgresCpuSeconds();
  const result = await autocannon({ url: `${api.base}${pathname}`, headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx) throw new Error(`${pathname}: ${result.non2xx} answers were not 2xx`);
  const postgres = (cpuUsedBetween(before, postgresCpuSeconds()) * 1000) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5, postgres };
}

// The statistics as of the last ANALYZE; then the day's registrations, past them.
await statistics(true);
await owner.query('ANALYZE cases');
const before = await walkIns();
for (const [i, body] of [selfCase, agentCase].entries()) {
  const amount = Math.ceil(REGISTRATIONS / 2) - i * (REGISTRATIONS % 2);
  const result = await autocannon({ url: `${api.base}/api/cases`, method: 'POST', headers, body: JSON.stringify(body), connections: CONNECTIONS, amount });
  if (result.non2xx) throw new Error(`registrations: ${result.non2xx} answers were not 2xx`);
}
console.error(`today's walk-ins of the largest city: ${before.actual} at the ANALYZE, ${JSON.stringify(await walkIns())} now`);

const results = {};
for (let round = 1; round <= ROUNDS; round++) {
  // Turn about: without the statistics first in even rounds, so neither always runs on a warmer machine.
  const order = round % 2 ? [true, false] : [false, true];
  for (const known of order) {
    await statistics(known);
    const { estimated } = await walkIns();
    for (const measure of measures) {
      const figures = { ...(await load(measure.path)), estimated };
      ((results[measure.name] ??= {})[known ? 'with' : 'without'] ??= []).push(figures);
      console.error(`round ${round}`, measure.name, known ? 'with' : 'without', JSON.stringify(figures));
    }
  }
}
await statistics(true);
await owner.query('ANALYZE cases');
api.child.kill();
await owner.end();

const cell = (runs) =>
  `${median(runs.map((f) => f.rps)).toFixed(0)}, ${median(runs.map((f) => f.p50))} / ${median(runs.map((f) => f.p95))}, ${median(runs.map((f) => f.postgres)).toFixed(2)}`;
console.log(`${ROUNDS} rounds, ${SECONDS} s a measure, ${CONNECTIONS} connections, after ${REGISTRATIONS} registrations past the statistics; medians\n`);
console.log(
  `today's walk-ins estimated at ${[...new Set(results[measures[0].name].with.map((f) => f.estimated))].join(', ')} rows with the statistics, ${[...new Set(results[measures[0].name].without.map((f) => f.estimated))].join(', ')} without\n`,
);
console.log('| list | with the statistics: req/s, p50 / p95 ms, PostgreSQL ms CPU a request | without | req/s ratio |');
console.log('|---|---|---|---|');
for (const [name, by] of Object.entries(results)) {
  console.log(
    `| ${name} | ${cell(by.with)} | ${cell(by.without)} | ${(median(by.with.map((f) => f.rps)) / median(by.without.map((f) => f.rps))).toFixed(2)}× |`,
  );
}
