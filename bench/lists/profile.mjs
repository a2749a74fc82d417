// bench/lists/profile.mjs: where the API's time and memory go under one request's load, on the
// database bench/lists/seed.mjs made: a CPU profile (--cpu-prof) by package and by function, and the
// API's resident memory before and after (add `--require` of a script of your own for more).
// PROF_DIR keeps the profile in a directory of your choosing.
// Then the same samples by layer (the token, the request log, NestJS, Fastify, pg, ours...).
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
/** The npm package a frame's script is from, 'ours' for the repository's own; none for Node's own or native code. */
const packageOf = (u) =>
  u.includes('node_modules/') ? u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : u.startsWith('node:') || !u ? undefined : 'ours';
const byPackage = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  const { functionName, url: u, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${u.replace(/.*node_modules\//, '').replace(root, '')}:${lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + us);
  const pkg = packageOf(u) ?? (u ? 'node' : functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`\nby package:\n${top(byPackage, 15)}\n\nby function (self):\n${top(self, 25)}`);

// By layer: the samples on the CPU once the API was up (start-up's module loading and NestJS's
// bootstrap left out; the main thread's waits counted apart — idle, with V8's unattributed
// `(program)`, and writev, where a write wakes PostgreSQL or the load generator and that process
// takes the core). Node's own functions and native code are charged to the package that called
// them (an HMAC to the token's library, a socket's write to pg or Fastify), so each layer is what it
// costs, whoever does the work.
const LAYERS = [
  ['the token (@nestjs/jwt, jsonwebtoken)', /^(@nestjs\/jwt|jsonwebtoken|jws|jwa|safe-buffer|buffer-equal-constant-time)$/],
  [
    'the request log (pino, pino-http, nestjs-pino)',
    /^(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)$/,
  ],
  [
    'NestJS (router, guards, interceptors, middleware; rxjs)',
    /^(@nestjs\/core|@nestjs\/common|@nestjs\/platform-fastify|rxjs|reflect-metadata|tslib|iterare)$/,
  ],
  [
    'Fastify (router, hooks, reply, middie)',
    /^(fastify|@fastify\/.*|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|fast-querystring|process-warning|abstract-logging|toad-cache|rfdc)$/,
  ],
  [
    'pg (the protocol, the rows parsed)',
    /^(pg|pg-protocol|pg-types|pg-pool|postgres-date|postgres-array|postgres-bytea|postgres-interval|pg-int8|pgpass|split2|obuf)$/,
  ],
  ['zod (the request read)', /^zod$/],
  ['Prisma', /^@prisma\/.*|^prisma$/],
];
const STARTUP = /^(Module\._load|Module\.require|compileForInternalLoader|loadESM|import|initializeNestApplication|bootstrap|create|init|listen)$/;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const layerOf = (id) => {
  const fn = byId.get(id).callFrame.functionName;
  if (fn === '(idle)' || fn === '(program)') return 'idle';
  if (fn === 'writev') return 'writev';
  if (fn === '(garbage collector)') return 'the garbage collector';
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url: u } = byId.get(at).callFrame;
    if (STARTUP.test(functionName) && (u.startsWith('node:') || u.includes('@nestjs/core'))) return 'start-up';
    const pkg = packageOf(u);
    if (pkg === 'ours') return u.includes('/packages/') ? 'ours (packages: db, domain, contract)' : 'ours (apps/api)';
    if (pkg) return LAYERS.find(([, re]) => re.test(pkg))?.[0] ?? `other: ${pkg}`;
  }
  return "Node's HTTP, streams, timers, promises";
};
const byLayer = new Map();
for (const [id, us] of dt) {
  const layer = layerOf(id);
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + us);
}
const waits = ['idle', 'writev', 'start-up'];
const onCpu = [...byLayer].filter(([k]) => !waits.includes(k)).reduce((s, [, v]) => s + v, 0);
console.log(
  `\nby layer (on the CPU after start-up, ${(onCpu / 1e6).toFixed(2)} s; start-up ${((byLayer.get('start-up') ?? 0) / 1e6).toFixed(2)} s, ` +
    `idle ${((byLayer.get('idle') ?? 0) / 1e6).toFixed(2)} s and in writev ${((byLayer.get('writev') ?? 0) / 1e6).toFixed(2)} s apart):`,
);
// Packages of no layer below half a percent each (the queue's client, the throttler...) as one line.
const shown = new Map();
for (const [k, v] of byLayer) {
  if (waits.includes(k)) continue;
  const key = k.startsWith('other: ') && v < onCpu / 200 ? 'other packages, each under 0.5%' : k;
  shown.set(key, (shown.get(key) ?? 0) + v);
}
for (const [k, v] of [...shown].sort((a, b) => b[1] - a[1])) console.log(`${((100 * v) / onCpu).toFixed(1).padStart(5)}%  ${k}`);
