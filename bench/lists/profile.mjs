// bench/lists/profile.mjs: where the API's time and memory go under one request's load, on the
// database bench/lists/seed.mjs made: a CPU profile (--cpu-prof) by package and by function, and the
// API's resident memory before and after (add `--require` of a script of your own for more).
// PROF_DIR keeps the profile in a directory of your choosing.
//   node bench/lists/profile.mjs <path, e.g. /api/cases?filter=..., "case" for one case's page or "register" for an
//   agent's registration (it adds cases: profile the lists first)> [seconds] [more node flags...]
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { agentCase } from './registrations.mjs';
import { mailedCaseOfHq } from './requests.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');

const [target = 'case', seconds = '10', ...flags] = process.argv.slice(2);
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
const pool = new Pool({ connectionString: url, max: 1 });
const dir = process.env.PROF_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'madoguchi-prof-'));
await db$.ensureLocalAppRole(url);
// As the API runs in production: the application's role, under row-level security.
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url), flags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...flags] });
const token = await login('clerk');
const someCase = await mailedCaseOfHq(pool);
const pathname = target === 'case' ? `/api/cases/${someCase}` : target === 'register' ? '/api/cases' : target;
const post = target === 'register' ? { method: 'POST', body: JSON.stringify(agentCase) } : {};
const status = () =>
  Object.fromEntries(
    readFileSync(`/proc/${api.pid}/status`, 'utf8')
      .split('\n')
      .filter((l) => /^Vm(RSS|HWM)/.test(l))
      .map((l) => l.split(/:\s+/)),
  );
console.log('before', status());
const result = await autocannon({
  url: `${base}${pathname}`,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  ...post,
  connections: 10,
  duration: Number(seconds),
});
console.log('after', status(), `${result.requests.average} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, non-2xx ${result.non2xx}`);
api.kill('SIGINT');
await new Promise((r) => api.on('exit', r));
await pool.end();

// The heaviest functions by self time, and by package.
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const self = new Map();
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byPackage = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  const { functionName, url: u, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${u.replace(/.*node_modules\//, '').replace(root, '')}:${lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + us);
  const pkg = u.includes('node_modules/')
    ? u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
    : u.startsWith('node:')
      ? 'node'
      : u
        ? 'ours'
        : functionName;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`\nby package:\n${top(byPackage, 15)}\n\nby function (self):\n${top(self, 25)}`);
