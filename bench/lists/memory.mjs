// bench/lists/memory.mjs: the API's peak RSS (VmHWM) under the heaviest read loads — a case's page
// and the list as it opens, ten connections each — for the API as it starts everywhere, and with
// more node flags to try (e.g. node bench/lists/memory.mjs 20 --max-semi-space-size=8).
//   node bench/lists/memory.mjs [seconds a load, default 20] [more node flags...]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { peakRssMb } from '../proc.mjs';
import { caseListPath, mailedCaseOfHq } from './requests.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');
const [seconds = '20', ...flags] = process.argv.slice(2);

const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const pool = new Pool({ connectionString: url, max: 1 });
const someCase = await mailedCaseOfHq(pool);
await pool.end();
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url), flags });
const token = await login('clerk');
const rows = [];
for (const [name, pathname] of [
  ["one case's page", `/api/cases/${someCase}`],
  ['all cases, newest first', caseListPath({})],
]) {
  const r = await autocannon({ url: `${base}${pathname}`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: Number(seconds) });
  rows.push({ load: name, 'req/s': Math.round(r.requests.average), 'peak RSS so far (MB)': Math.round(peakRssMb(api.pid)) });
}
console.log(`flags: ${flags.join(' ') || '(as everywhere)'}`);
console.table(rows);
api.kill('SIGINT');
