// bench/lists/cpu.mjs: where the two cores go, per request, for the list as it opens, a kana search,
// today's walk-ins and one case's page (through the API, autocannon with ten connections, and as the
// SQL floor, a pg pool of ten) and an agent's registration (through the API): the CPU time each
// process took — the API, every PostgreSQL process, the load generator — from /proc. Its
// registrations are today's walk-ins and the newest cases afterwards: measure the lists on a fresh seed.
// A CPU profile charges the API for the time it waits off the CPU after waking the database; this
// counts what each process really used.
//   node bench/lists/cpu.mjs [seconds a measure, default 10]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { cpuUsedBetween, postgresCpuSeconds, procStat, TICK } from '../proc.mjs';
import { casePageFloor } from './case-page-floor.mjs';
import { kanaSearchFloor, newestFirstFloor, todaysWalkInsFloor } from './list-floor.mjs';
import { agentCase } from './registrations.mjs';
import { caseListPath, largestCity, mailedCaseOfHq, todayInJapan } from './requests.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const autocannon = require('autocannon');
const { Pool } = require('pg');
const SECONDS = Number(process.argv[2] ?? 10);
/** CPU seconds a process has used (user + system; or one of them, 11 or 12), from /proc/<pid>/stat. */
const cpuOf = (pid, only) => {
  try {
    const fields = procStat(pid);
    return (only ? fields[only] : fields[11] + fields[12]) / TICK;
  } catch {
    return 0;
  }
};
const selfCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
// Its connections stay open between the measures (an idle one closing would take its CPU count with it).
const pool = new Pool({ connectionString: url, max: 10, idleTimeoutMillis: 0 });
const { base, child: api, login } = await startBenchApi({ url: db$.appRoleUrl(url) });
const token = await login('clerk');
const { municipalityId, offices } = await largestCity(pool);
const someCase = await mailedCaseOfHq(pool);
const IN_MUNICIPALITY = `c.municipality_id = '${municipalityId}'::uuid AND c.office_id = ANY($2::uuid[])`;
const LIST_IN_MUNICIPALITY = IN_MUNICIPALITY.replace('$2', '$1');
const today = todayInJapan();
const measures = [
  {
    name: 'the list as it opens (newest first)',
    path: caseListPath({}),
    sql: newestFirstFloor(LIST_IN_MUNICIPALITY),
    params: [offices],
  },
  {
    name: 'a kana search (ヤマダ)',
    path: caseListPath({ q: 'ヤマダ' }),
    sql: kanaSearchFloor(LIST_IN_MUNICIPALITY),
    params: [offices, 'ヤマダ', `ヤマダ${String.fromCodePoint(0x10ffff)}`],
  },
  {
    name: "today's walk-ins",
    path: caseListPath({ createdFrom: today.date, createdTo: today.date }),
    sql: todaysWalkInsFloor(LIST_IN_MUNICIPALITY),
    params: [offices, today.start, today.end],
  },
  {
    name: "one case's page",
    path: `/api/cases/${someCase}`,
    sql: [casePageFloor(IN_MUNICIPALITY)],
    params: [someCase, offices],
  },
  { name: 'an agent registration', path: '/api/cases', body: JSON.stringify(agentCase) },
];

async function measure(run) {
  const before = { api: cpuOf(api.pid), apiKernel: cpuOf(api.pid, 12), postgres: postgresCpuSeconds(), load: selfCpu(), at: performance.now() };
  const requests = await run();
  const seconds = (performance.now() - before.at) / 1000;
  const used = { api: cpuOf(api.pid) - before.api, postgres: cpuUsedBetween(before.postgres, postgresCpuSeconds()), load: selfCpu() - before.load };
  const per = (value) => ((value * 1000) / requests).toFixed(2);
  return {
    'req/s': Math.round(requests / seconds),
    'API ms CPU a request': per(used.api),
    'of it in the kernel': per(cpuOf(api.pid, 12) - before.apiKernel),
    'PostgreSQL ms CPU a request': per(used.postgres),
    'load generator ms CPU a request': per(used.load),
    'cores busy': ((used.api + used.postgres + used.load) / seconds).toFixed(2),
  };
}

// The API warm first (its code compiled, its connections open and their processes past their first
// statements): started for this run, its first measure counted both (the list as it opens 3.79 ms of
// PostgreSQL's CPU a request cold, 3.22 warm, in one run of each).
for (const m of measures.filter((m) => !m.body)) {
  await autocannon({ url: `${base}${m.path}`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: 5 });
}
const rows = [];
for (const m of measures) {
  const viaApi = await measure(async () => {
    const r = await autocannon({
      url: `${base}${m.path}`,
      method: m.body ? 'POST' : 'GET',
      body: m.body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      connections: 10,
      duration: SECONDS,
    });
    if (r.non2xx) throw new Error(`${m.path}: ${r.non2xx} answers were not 2xx`);
    return r.requests.total;
  });
  rows.push({ measure: `${m.name}: API`, ...viaApi });
  if (!m.sql) continue;
  const floor = await measure(async () => {
    let n = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (Date.now() < until) {
          for (const text of m.sql) await pool.query(text, m.params);
          n++;
        }
      }),
    );
    return n;
  });
  rows.push({ measure: `${m.name}: SQL floor`, ...floor });
}
console.table(rows);
api.kill('SIGINT');
await pool.end();
