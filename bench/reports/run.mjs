// bench/reports/run.mjs: the monthly report and the CSV export at scale, through the API, on the
// database bench/lists/seed.mjs made (1,000,000 cases). Prints a table for bench/README.md.
//   node bench/lists/seed.mjs && npm run build && node bench/reports/run.mjs [times per month, default 5] [--owner]
// The API runs as in production, as madoguchi_app under row-level security; `--owner` runs it as the
// tables' owner instead (the policies bypassed), to see what they cost.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchApi } from '../bench-api.mjs';
import { peakRssMb } from '../proc.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { addMonths, japanDate } = require(`${root}/packages/domain/dist/index.js`);

const TIMES = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 5);
const AS_OWNER = process.argv.includes('--owner');
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

// Above the city's 400,000 cases: the export's memory is measured over all of them.
await db$.ensureLocalAppRole(url);
const { base, child: api, login } = await startBenchApi({ url: AS_OWNER ? url : db$.appRoleUrl(url), env: { EXPORT_ROW_CAP: '1000000' } });
console.error(`the API as ${AS_OWNER ? 'the owner (row-level security bypassed)' : 'madoguchi_app (row-level security)'}`);
try {
  const headers = { authorization: `Bearer ${await login('supervisor')}` };
  const timed = async (pathAndQuery) => {
    const started = performance.now();
    const res = await fetch(`${base}${pathAndQuery}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status}`);
    return { ms: performance.now() - started, body, res };
  };

  const lines = [];
  const thisMonth = japanDate(new Date()).slice(0, 7);
  for (const back of [1, 2, 12]) {
    const month = addMonths(`${thisMonth}-01`, -back).slice(0, 7);
    const ms = [];
    let received = 0;
    for (let i = 0; i < TIMES; i++) {
      const { ms: t, body } = await timed(`/api/reports/monthly?month=${month}`);
      ms.push(t);
      received = JSON.parse(body.toString('utf8')).received.total;
    }
    ms.sort((a, b) => a - b);
    lines.push(
      `| 月報 ${month} (見本市, ${received.toLocaleString('en')} cases received) | ${ms[0].toFixed(0)} / ${ms[Math.floor(ms.length / 2)].toFixed(0)} / ${ms.at(-1).toFixed(0)} |`,
    );
  }
  // The same export over about 45,000 rows (the last four months) and over all 400,000: a stream
  // holds one batch at a time, so the peak should hardly move with the number of rows.
  for (const [what, filter] of [
    ['the last four months', { createdFrom: addMonths(japanDate(new Date()), -4) }],
    ['every case of the city', {}],
  ]) {
    const before = rssMb(api.pid);
    const exported = await timed(`/api/cases/export?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    const rows = Number(exported.res.headers.get('x-total-count'));
    lines.push(
      `| CSV export, ${what} (${rows.toLocaleString('en')} rows, ${(exported.body.length / 1e6).toFixed(1)} MB) | ${exported.ms.toFixed(0)} ms to the last byte; API RSS before ${before.toFixed(0)} MB, peak so far ${peakRssMb(api.pid).toFixed(0)} MB |`,
    );
  }
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${japanDate(new Date())}\n`,
  );
  console.log('| request | min / median / max ms |');
  console.log('|---|---|');
  for (const line of lines) console.log(line);
} finally {
  api.kill('SIGTERM');
}
