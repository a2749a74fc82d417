// bench/lists/compare.mjs: this checkout's API against another build of it, in the same run, turn
// and turn about (the only comparison this shared machine allows: its speed swings between runs).
// Both run as the application's role on the database bench/lists/seed.mjs made; each round measures
// a case's page, the list as it opens, the overdue agent cases of an office, today's walk-ins and an
// agent registration on each API, then a bare NestJS endpoint, and the figures are the medians over the
// rounds. Beside each API's requests a second, the CPU it used a request (all its threads, from /proc):
// what a change to the API's own code saves shows there first, whatever the machine's mood.
// BASELINE may name several builds (comma-separated): each is measured in the same turns, and the ratio
// is this checkout's to the last. A third argument keeps only the measures whose name contains it.
//   git worktree add /tmp/prev <commit> && (cd /tmp/prev && npm ci && npx turbo run build)
//   BASELINE=/tmp/prev node bench/lists/compare.mjs [rounds, default 3] [seconds a measure, default 8] [e.g. POST]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs } from '../proc.mjs';
import { agentCase } from './registrations.mjs';
import { caseListPath } from './requests.mjs';
import { median } from '../stats.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const baseline = process.env.BASELINE;
if (!baseline) throw new Error('BASELINE=<a built checkout> is required');
const ROUNDS = Number(process.argv[2] ?? 3);
const SECONDS = Number(process.argv[3] ?? 8);
const ONLY = process.argv[4] ?? '';
const CONNECTIONS = 10;
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const devstack$ = require(`${root}/packages/devstack/dist/testing/index.js`);
const autocannon = require('autocannon');
const { japanDate } = require(`${root}/packages/domain/dist/index.js`);
const { Pool } = require('pg');

const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const pool = new Pool({ connectionString: url, max: 2 });
const hq = (await pool.query(`SELECT id FROM offices WHERE code = 'HQ'`)).rows[0].id;
const sampleCase = (
  await pool.query(`SELECT c.id FROM cases c WHERE c.office_id = $1 AND c.route = 'voluntary_agent' AND c.state = 'inquiry_mailed' LIMIT 1`, [hq])
).rows[0].id;
await pool.end();

const apis = {};
for (const [name, checkout] of [['this checkout', root], ...baseline.split(',').map((b) => [`baseline (${b})`, b])]) {
  const { startBenchApi } = await import(`${checkout}/bench/bench-api.mjs`);
  apis[name] = await startBenchApi({ url: db$.appRoleUrl(url) });
}
const tokens = Object.fromEntries(await Promise.all(Object.entries(apis).map(async ([name, api]) => [name, await api.login('clerk')])));

const today = japanDate(new Date());
const measures = [
  { name: "GET one case's page", request: () => ({ path: `/api/cases/${sampleCase}` }) },
  { name: 'GET all cases, newest first', request: () => ({ path: caseListPath({}) }) },
  {
    name: 'GET overdue agent cases of one office',
    request: () => ({
      path: caseListPath({ officeId: hq, route: 'voluntary_agent', overdue: true }),
    }),
  },
  {
    name: "GET today's walk-ins",
    request: () => ({ path: caseListPath({ createdFrom: today, createdTo: today }) }),
  },
  { name: 'POST /api/cases (agent)', request: () => ({ path: '/api/cases', method: 'POST', body: JSON.stringify(agentCase) }) },
].filter((measure) => measure.name.includes(ONLY));

/** The load on one server; with `pid`, the CPU that process used a request (ms) too. */
async function load(base, token, { path: pathname, method = 'GET', body }, pid) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const cpuBefore = pid && cpuMs(pid);
  const result = await autocannon({ url: `${base}${pathname}`, method, headers, body, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx) throw new Error(`${pathname}: ${result.non2xx} answers were not 2xx`);
  const cpu = pid && (cpuMs(pid) - cpuBefore) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p95, cpu };
}

const results = {};
const bare = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const measure of measures) {
    // Turn about: the baseline first in even rounds, so neither always runs on a warmer machine.
    const order = round % 2 ? Object.keys(apis) : Object.keys(apis).reverse();
    for (const name of order) {
      const figures = await load(apis[name].base, tokens[name], measure.request(), apis[name].child.pid);
      ((results[measure.name] ??= {})[name] ??= []).push(figures);
      console.error(`round ${round}`, measure.name, name, JSON.stringify(figures));
    }
  }
  const port = await devstack$.freePorts();
  const child = spawn(process.execPath, [path.join(here, 'bare-nest.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  await devstack$.waitFor(
    async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined)) !== undefined,
    30000,
    () => 'bare NestJS',
  );
  const figures = await load(`http://127.0.0.1:${port}`, '', { path: '/cases', method: 'POST', body: JSON.stringify(agentCase) });
  child.kill();
  bare.push(figures);
  console.error(`round ${round}`, 'bare NestJS 201', JSON.stringify(figures));
}
for (const api of Object.values(apis)) api.child.kill();

const names = Object.keys(apis);
console.log(`${ROUNDS} rounds, ${SECONDS} s a measure, ${CONNECTIONS} connections; medians\n`);
console.log(`| measure | ${names.map((n) => `${n}: req/s, p50 / p95 ms, ms CPU a request`).join(' | ')} | req/s ratio |`);
console.log(`|---|${names.map(() => '---|').join('')}---|`);
for (const [measure, byApi] of Object.entries(results)) {
  const cells = names.map(
    (n) =>
      `${median(byApi[n].map((f) => f.rps)).toFixed(0)}, ${median(byApi[n].map((f) => f.p50))} / ${median(byApi[n].map((f) => f.p95))}, ${median(byApi[n].map((f) => f.cpu)).toFixed(2)}`,
  );
  const ratio = median(byApi[names[0]].map((f) => f.rps)) / median(byApi[names.at(-1)].map((f) => f.rps));
  console.log(`| ${measure} | ${cells.join(' | ')} | ${ratio.toFixed(2)}× |`);
}
const bareRps = median(bare.map((f) => f.rps));
const registrations = results['POST /api/cases (agent)'];
console.log(
  `\nbare NestJS 201: ${bareRps.toFixed(0)} req/s${
    registrations
      ? `; registrations ÷ bare: ${names.map((n) => `${n} ${((100 * median(registrations[n].map((f) => f.rps))) / bareRps).toFixed(1)}%`).join(', ')}`
      : ''
  }`,
);
