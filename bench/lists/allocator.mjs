// bench/lists/allocator.mjs: what a list's page costs PostgreSQL on a connection that has run the
// login's function, beside a fresh connection, on the database bench/lists/seed.mjs made — the CPU
// and the page faults of the one PostgreSQL process behind the connection, a statement at a time.
//
// Why: through the API, PostgreSQL spent about twice the floor's CPU on the same kana search (5.8
// against 2.8 ms a request). On a connection that has once run `staff_session_principal` (every
// request's first statement), glibc's malloc in that PostgreSQL process grows its heap by ~600 kB for
// each list statement and gives it back at the end (brk up, brk down: strace shows it), so every
// statement faults its memory in again — ~57 page faults, 1.5 ms. Which statements fall into it
// depends on where earlier allocations left the heap's top; the cure is PostgreSQL's environment
// (docs/production.md: MALLOC_TRIM_THRESHOLD_ and MALLOC_MMAP_THRESHOLD_), not our SQL.
//   node bench/lists/allocator.mjs [statements a measure, default 300]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { procStat, TICK } from '../proc.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { caseListOrder, caseListPage, caseListWhere } = require(`${root}/apps/api/dist/cases/case-list-statements.js`);
const { Prisma, readRows } = db$;
const { japanDate } = require(`${root}/packages/domain/dist/index.js`);

const RUNS = Number(process.argv[2] ?? 300);
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = db$.createDatabaseClient(url, { poolSize: 1 });
const [hq] = await readRows(
  owner,
  Prisma.sql`SELECT municipality_id, array(SELECT id::text FROM offices o WHERE o.municipality_id = h.municipality_id) AS office_ids FROM offices h WHERE code = 'HQ'`,
);
const [{ setting: dataDirectory }] = await readRows(owner, Prisma.sql`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
await owner.$disconnect();

/** The server's malloc settings, from its postmaster's environment when it runs on this machine and we may read it. */
function serverMalloc(dataDirectory) {
  try {
    const pid = readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0];
    const vars = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter((v) => /^(MALLOC_\w+_|GLIBC_TUNABLES)=/.test(v));
    return vars.length ? vars.join(' ') : 'glibc defaults';
  } catch {
    return 'unknown (not a server this process can read)';
  }
}

const staff = { municipalityId: hq.municipality_id, municipalityOfficeIds: hq.office_ids };
const pages = {
  'kana search (ヤマダ)': { q: 'ヤマダ' },
  'kanji name search (山田)': { q: '山田' },
  'all cases, newest first': {},
};
console.log(`PostgreSQL's malloc: ${serverMalloc(dataDirectory)}; ${RUNS} statements a measure, one connection as madoguchi_app\n`);
console.log('| page statement | connection | ms CPU a statement | page faults a statement |\n|---|---|---|---|');
for (const [name, filter] of Object.entries(pages)) {
  for (const afterLogin of [false, true]) {
    // A connection of its own (one PostgreSQL process), as the API's pool opens them.
    const db = db$.createDatabaseClient(db$.appRoleUrl(url), { poolSize: 1 });
    const [{ pid }] = await readRows(db, Prisma.sql`SELECT pg_backend_pid() AS pid`);
    // The function as every request calls it; a session that does not exist runs it all the same.
    if (afterLogin) await readRows(db, Prisma.sql`SELECT * FROM staff_session_principal(${randomUUID()}::uuid)`);
    const where = caseListWhere(staff, filter, japanDate(new Date()));
    const page = () => db$.inMunicipality(staff.municipalityId, () => caseListPage(db, where, caseListOrder('createdAt', 'desc'), { skip: 0, take: 25 }));
    for (let i = 0; i < 10; i++) await page();
    const before = procStat(pid);
    for (let i = 0; i < RUNS; i++) await page();
    const after = procStat(pid);
    const cpuMs = ((after[11] + after[12] - before[11] - before[12]) * (1000 / TICK)) / RUNS;
    console.log(`| ${name} | ${afterLogin ? "after the login's function" : 'fresh'} | ${cpuMs.toFixed(2)} | ${((after[7] - before[7]) / RUNS).toFixed(1)} |`);
    await db.$disconnect();
  }
}
