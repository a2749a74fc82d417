// bench/lists/after-a-pause.mjs: the first request after a pause, as a clerk meets it — the list as
// it opens, a kana search and a case's page through the API (one request at a time), each right
// after the same request (warm) and after `pause` seconds of nothing (the counter between two
// applicants). A pool that closes its idle connections answers the request after the pause on a
// new connection, whose PostgreSQL process has not yet read the catalog or planned the login's query.
// The HTTP connection is kept across the pause, as a browser keeps its own.
//   node bench/lists/seed.mjs && node bench/lists/after-a-pause.mjs [pause seconds, default 12] [rounds, default 3]
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { caseListPath, mailedCaseOfHq } from './requests.mjs';
import { median } from '../stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { Pool } = require('pg');

const PAUSE_S = Number(process.argv[2] ?? 12);
const ROUNDS = Number(process.argv[3] ?? 3);
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = new Pool({ connectionString: url, max: 1 });
const someCase = await mailedCaseOfHq(owner);
await owner.end();
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url) });
const headers = { authorization: `Bearer ${await login('clerk')}` };
const requests = {
  'the list as it opens': caseListPath({}),
  'a kana search (ヤマダ)': caseListPath({ q: 'ヤマダ' }),
  "one case's page": `/api/cases/${someCase}`,
};

// One HTTP connection kept across the pause, as a browser keeps its own (fetch would close it after 4 s).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const timed = (pathname) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(`${base}${pathname}`, { agent, headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${pathname}: ${res.statusCode}`));
        res.on('data', () => undefined);
        res.on('end', () => resolve(performance.now() - started));
      })
      .on('error', reject);
  });
const results = Object.fromEntries(Object.keys(requests).map((name) => [name, { warm: [], afterPause: [] }]));
for (let round = 0; round < ROUNDS; round++)
  for (const [name, pathname] of Object.entries(requests)) {
    for (let i = 0; i < 5; i++) results[name].warm.push(await timed(pathname));
    await pause(PAUSE_S * 1000);
    results[name].afterPause.push(await timed(pathname));
  }
api.kill();
console.log(`One request at a time; ${ROUNDS} rounds, a pause of ${PAUSE_S} s before each "after a pause".\n`);
console.log('| request | warm, median ms | after a pause, each round ms |\n|---|---|---|');
for (const [name, r] of Object.entries(results))
  console.log(`| ${name} | ${median(r.warm).toFixed(1)} | ${r.afterPause.map((ms) => ms.toFixed(1)).join(', ')} |`);
