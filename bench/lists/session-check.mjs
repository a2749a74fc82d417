// bench/lists/session-check.mjs: what the check of a remembered session costs, its fingerprint as the
// migrations make it now (a session's row and its municipality's number) against the one before
// (an md5 of the whole principal: four tables joined, the municipality's offices gathered and
// sorted), turn and turn about in one run, through one API: each turn puts that version of
// staff_session_fingerprint in the bench's database (the API's remembered sessions then fail their
// check once and are read again, as after a deploy). Both texts come from their migrations. A case's
// page, the list as it opens and today's walk-ins; the requests a second, and the CPU the API and
// every PostgreSQL process used a request. Leaves the database as the migrations made it.
//   node bench/lists/session-check.mjs [rounds, default 4] [seconds a measure, default 8]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { cpuMs, cpuUsedBetween, postgresCpuSeconds } from '../proc.mjs';
import { caseListPath, mailedCaseOfHq, todayInJapan } from './requests.mjs';
import { median } from '../stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');
const ROUNDS = Number(process.argv[2] ?? 4);
const SECONDS = Number(process.argv[3] ?? 8);

/** staff_session_fingerprint as a migration defines it. */
function fingerprintOf(migration) {
  const sql = readFileSync(`${root}/prisma/migrations/${migration}/migration.sql`, 'utf8');
  const text = /CREATE (?:OR REPLACE )?FUNCTION staff_session_fingerprint[\s\S]*?\n\$\$;/.exec(sql)?.[0];
  if (!text) throw new Error(`no staff_session_fingerprint in ${migration}`);
  return text.replace(/^CREATE (OR REPLACE )?FUNCTION/, 'CREATE OR REPLACE FUNCTION');
}
const versions = {
  'the whole principal (before)': fingerprintOf('20261203010000_session_checked_in_statements'),
  "the session's row and its municipality's number (now)": fingerprintOf('20261203100000_session_fingerprint_epoch'),
};

const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = new Pool({ connectionString: url, max: 1 });
const someCase = await mailedCaseOfHq(owner);
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url) });
const token = await login('clerk');
const today = todayInJapan();
const measures = {
  "one case's page": `/api/cases/${someCase}`,
  'the list as it opens': caseListPath({}),
  "today's walk-ins": caseListPath({ createdFrom: today.date, createdTo: today.date }),
};
const load = (pathname, seconds) =>
  autocannon({ url: `${base}${pathname}`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: seconds });

const results = {};
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? Object.keys(versions) : Object.keys(versions).reverse();
    for (const version of order) {
      await owner.query(versions[version]);
      for (const [measure, pathname] of Object.entries(measures)) {
        await load(pathname, 1); // the remembered session read again, the connections warm
        const before = { api: cpuMs(api.pid), postgres: postgresCpuSeconds() };
        const r = await load(pathname, SECONDS);
        if (r.non2xx) throw new Error(`${measure}: ${r.non2xx} answers were not 2xx`);
        const n = r.requests.total;
        const figures = {
          rps: r.requests.average,
          api: (cpuMs(api.pid) - before.api) / n,
          postgres: (cpuUsedBetween(before.postgres, postgresCpuSeconds()) * 1000) / n,
        };
        ((results[measure] ??= {})[version] ??= []).push(figures);
        console.error(`round ${round}`, measure, version, JSON.stringify(figures));
      }
    }
  }
} finally {
  await owner.query(versions["the session's row and its municipality's number (now)"]);
  await owner.end();
  api.kill('SIGINT');
}

const names = Object.keys(versions);
console.log(`${ROUNDS} rounds, ${SECONDS} s a measure, 10 connections; medians\n`);
console.log(`| measure | ${names.map((n) => `${n}: req/s, API / PostgreSQL ms CPU a request`).join(' | ')} | req/s, now ÷ before |`);
console.log(`|---|${names.map(() => '---|').join('')}---|`);
for (const [measure, byVersion] of Object.entries(results)) {
  const cells = names.map((n) => {
    const f = byVersion[n];
    return `${median(f.map((x) => x.rps)).toFixed(0)}, ${median(f.map((x) => x.api)).toFixed(2)} / ${median(f.map((x) => x.postgres)).toFixed(2)}`;
  });
  const ratio = median(byVersion[names[1]].map((x) => x.rps)) / median(byVersion[names[0]].map((x) => x.rps));
  console.log(`| ${measure} | ${cells.join(' | ')} | ${ratio.toFixed(2)}× |`);
}
