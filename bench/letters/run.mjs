// bench/letters: how fast letters are made, and beside what. Run after `npm ci && npm run build`:
//   node bench/letters/run.mjs            (DATABASE_URL / REDIS_URL as for npm start; Chromium at /usr/bin/chromium)
//   BASELINE=/path/to/an/older/checkout node bench/letters/run.mjs
//     also runs the template and the worker of that checkout (built) in the same run, for a ratio
//     that the machine's mood does not change (e.g. `git worktree add /tmp/old <commit>`, npm ci, build).
// Prints a Markdown table; bench/README.md keeps the results.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { cpuMs, peakRssMb } from '../proc.mjs';
import { FONT_FILES, htmlLetter } from './html-letter.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { renderInquiryLetter, renderLetterBatch, EXAMPLE_LETTER } = require(`${root}/packages/letters/dist/index.js`);
const { generateInquiryNumber, japanDate, addDays } = require(`${root}/packages/domain/dist/index.js`);
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { LetterCodes, createLogger } = require(`${root}/packages/platform/dist/index.js`);
const { renderPrintRun } = require(`${root}/packages/jobs/dist/index.js`);
const { chromium } = require('playwright-core');
const devstack$ = require(`${root}/packages/devstack/dist/testing/index.js`);

const LETTER_SECRET = randomBytes(32).toString('base64');
const codes = new LetterCodes(LETTER_SECRET);
const NAMES = [
  ['江東', '花子'],
  ['𠮷田', '一郎'],
  ['髙橋', '美咲'],
  ['渡邉', '健太'],
  ['佐々木', '陽菜'],
];
const sample = (i) => {
  const inquiryNumber = generateInquiryNumber(randomBytes);
  const [family, given] = NAMES[i % NAMES.length];
  return {
    ...EXAMPLE_LETTER,
    issuedOn: '2026-11-25',
    replyDeadline: '2026-12-25',
    inquiryNumber,
    checkCode: codes.checkCodeFor(inquiryNumber),
    documentNumber: `見市民第${i + 1}号`,
    holder: { name: `${family} ${given}`, postalCode: '135-8383', address: `東京都江東区東陽4-11-${i + 1}` },
    pins: i % 3 ? ['user_auth', 'resident_registry'] : ['signature', 'user_auth'],
  };
};
const rows = [];
const report = (what, value, note = '') => {
  rows.push({ what, value, note });
  console.error(`${what}: ${value} ${note}`);
};
const time = async (fn) => {
  const t = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
};

// WORKER_ONLY=1: the worker measures alone (section 3), to try a change to the worker quickly.
const WORKER_ONLY = Boolean(process.env.WORKER_ONLY);
const BASELINE = process.env.BASELINE && path.resolve(process.env.BASELINE);
if (!WORKER_ONLY) {
  // 1. The template alone, in this process.
  await renderInquiryLetter(sample(0)); // fonts parsed once, as in a running worker
  const N_TEMPLATE = 1000;
  const letters = Array.from({ length: N_TEMPLATE }, (_, i) => sample(i));
  const tpl = await time(async () => {
    let bytes = 0;
    for (const l of letters) bytes += (await renderInquiryLetter(l)).pdf.length;
    return bytes;
  });
  const templateRate = (N_TEMPLATE / tpl.ms) * 1000;
  report(
    'template: letters/s (one process, render only)',
    templateRate.toFixed(0),
    `${(tpl.ms / N_TEMPLATE).toFixed(2)} ms a letter, ${(tpl.result / N_TEMPLATE / 1024).toFixed(0)} KB a PDF`,
  );
  if (BASELINE) {
    const old = require(`${BASELINE}/packages/letters/dist/index.js`);
    await old.renderInquiryLetter(sample(0));
    const oldTpl = await time(async () => {
      for (const l of letters) await old.renderInquiryLetter(l);
    });
    const oldRate = (N_TEMPLATE / oldTpl.ms) * 1000;
    report(`baseline template (${BASELINE}): letters/s`, oldRate.toFixed(0), `${(oldTpl.ms / N_TEMPLATE).toFixed(2)} ms a letter`);
    report('template ÷ baseline template (same run)', `${(templateRate / oldRate).toFixed(2)}×`);
  }
  // Other letters than those above (other numbers, other addresses): a line seen in the pass
  // above would be written as kept (packages/letters/src/kept-lines.ts), flattering the run.
  const batchLetters = Array.from({ length: N_TEMPLATE }, (_, i) => sample(N_TEMPLATE + i));
  const batch = await time(() => renderLetterBatch(batchLetters, '2026-11-25'));
  report(
    'template: 1,000 letters as one PDF (render only)',
    `${(batch.ms / 1000).toFixed(2)} s`,
    `${(batch.result.pdf.length / 1e6).toFixed(1)} MB, ${batch.result.pages} pages`,
  );

  // 2. The same letter through headless Chromium (HTML → page.pdf()).
  const browser = await chromium.launch({ executablePath: devstack$.CHROMIUM_PATH, args: [...devstack$.CHROMIUM_ARGS] });
  // Fonts come from a local server with a long cache life, as a render service would have them.
  const fontServer = createServer((req, res) => {
    const file = FONT_FILES[req.url];
    if (!file) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>letters</title>');
    res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=86400', 'access-control-allow-origin': '*' });
    res.end(file);
  });
  await new Promise((r) => fontServer.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${fontServer.address().port}`;
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.setContent(await htmlLetter(letters[0], origin), { waitUntil: 'load' });
  await page.pdf({ preferCSSPageSize: true });
  const N_CHROME = 100;
  const html = await Promise.all(letters.slice(0, N_CHROME).map((l) => htmlLetter(l, origin)));
  const chrome = await time(async () => {
    let bytes = 0;
    for (const h of html) {
      await page.setContent(h, { waitUntil: 'load' });
      bytes += (await page.pdf({ preferCSSPageSize: true })).length;
    }
    return bytes;
  });
  const chromeRate = (N_CHROME / chrome.ms) * 1000;
  report(
    'chromium: letters/s (one page, HTML → PDF)',
    chromeRate.toFixed(1),
    `${(chrome.ms / N_CHROME).toFixed(1)} ms a letter, ${(chrome.result / N_CHROME / 1024).toFixed(0)} KB a PDF`,
  );
  report('template ÷ chromium, letters/s (same run)', `${(templateRate / chromeRate).toFixed(1)}×`);
  // The two routes must print the same letter: their texts, as pdftotext reads them, side by side.
  const printedText = (pdf) => spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString().replace(/\s+/g, '');
  const templateText = printedText((await renderInquiryLetter(letters[0])).pdf);
  await page.setContent(html[0], { waitUntil: 'load' });
  const chromeText = printedText(await page.pdf({ preferCSSPageSize: true }));
  report(
    'letter text, characters (pdftotext)',
    `${templateText.length} template, ${chromeText.length} HTML`,
    templateText ? '' : 'pdftotext missing: apt-get install poppler-utils',
  );
  const N_CHROME_BATCH = 1000;
  const body = (h) => h.slice(h.indexOf('<body>') + 6, h.lastIndexOf('</body>'));
  const allHtml = await Promise.all(batchLetters.slice(0, N_CHROME_BATCH).map((l) => htmlLetter(l, origin)));
  const batchHtml = allHtml[0].slice(0, allHtml[0].indexOf('<body>') + 6) + allHtml.map(body).join('') + '</body></html>';
  const chromeBatch = await time(async () => {
    await page.setContent(batchHtml, { waitUntil: 'load', timeout: 600000 });
    return (await page.pdf({ preferCSSPageSize: true, timeout: 600000 })).length;
  });
  report('chromium: 1,000 letters as one PDF', `${(chromeBatch.ms / 1000).toFixed(2)} s`, `${(chromeBatch.result / 1e6).toFixed(1)} MB`);
  report('template ÷ chromium, 1,000-letter run (same run)', `${(chromeBatch.ms / batch.ms).toFixed(1)}×`);
  await browser.close();
  fontServer.close();
}

// 3. The worker process: jobs from the outbox, rendered, stored, marked ready.
const server = (await db$.resolveDatabaseUrl()).url;
const url = db$.withDatabase(server, 'madoguchi_bench');
await db$.dropDatabase(url).catch(() => undefined);
await db$.createDatabase(url);
await db$.deployMigrations({ databaseUrl: url });
const db = db$.createDatabaseClient(url, { poolSize: 4 });
await db$.seedDemoData(db, 'bench-password');
const clerk = await db.staffUser.findFirstOrThrow({ where: { username: 'clerk' } });
const clerkOffice = await db.office.findUniqueOrThrow({ where: { id: clerk.officeId } });
const policy = await db.policyVersion.findFirstOrThrow({ orderBy: { version: 'desc' } });

async function agentCases(n) {
  const cases = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), i }));
  await db.pinResetCase.createMany({
    data: cases.map((c) => ({
      id: c.id,
      receiptNumber: `HQ-2026-B${c.id.slice(0, 8).toUpperCase()}`,
      officeId: clerk.officeId,
      route: 'voluntary_agent',
      reason: 'forgotten',
      pins: ['user_auth'],
      policyVersionId: policy.id,
      createdById: clerk.id,
    })),
  });
  await db.party.createMany({
    data: cases.flatMap((c) => [
      {
        caseId: c.id,
        role: 'holder',
        familyName: NAMES[c.i % 5][0],
        givenName: NAMES[c.i % 5][1],
        familyNameKana: 'コウトウ',
        givenNameKana: 'ハナコ',
        birthDate: new Date('1950-04-01'),
        postalCode: '135-8383',
        address: `東京都江東区東陽4-11-${c.i + 1}`,
        adultWard: false,
        hasSignatureCertificate: true,
      },
      { caseId: c.id, role: 'representative', kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ' },
    ]),
  });
  const letterRows = cases.map((c) => ({ id: randomUUID(), caseId: c.id, inquiryNumber: generateInquiryNumber(randomBytes) }));
  await db.inquiryLetter.createMany({ data: letterRows });
  return letterRows.map((l) => l.id);
}

// This checkout's worker as it runs in production: the application's role, under row-level security,
// each job in its outbox row's municipality. The baseline's as it ran then, as the owner.
await db$.ensureLocalAppRole(url);
function startWorker(prefix, tree = root) {
  // WORKER_NODE_FLAGS, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof: to see where this checkout's worker spends it.
  const flags = tree === root && process.env.WORKER_NODE_FLAGS ? process.env.WORKER_NODE_FLAGS.split(' ') : [];
  const child = spawn(process.execPath, [...flags, `${tree}/apps/worker/dist/main.js`], {
    env: {
      ...process.env,
      DATABASE_URL: tree === root ? db$.appRoleUrl(url) : url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: prefix,
      LETTER_SECRET,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '50',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}
// Counted from the (status, created_at) index: a count over 2,000 ids fifty times a second took a
// good share of the database's CPU from the workers it was timing.
const ready = (since) => db.inquiryLetter.count({ where: { status: 'ready', createdAt: { gte: since } } });

async function workerRun(processes, n, tree = root) {
  const since = new Date();
  const ids = await agentCases(n);
  const prefix = `madoguchi-bench-${randomBytes(4).toString('hex')}`;
  const workers = Array.from({ length: processes }, () => startWorker(prefix, tree));
  await new Promise((r) => setTimeout(r, 3000)); // booted, relay polling
  const cpuBefore = workers.map((w) => cpuMs(w.pid));
  const run = await time(async () => {
    await db.outboxMessage.createMany({
      data: ids.map((letterId) => ({ job: 'render-inquiry-letter', payload: { letterId }, municipalityId: clerkOffice.municipalityId })),
    });
    while ((await ready(since)) < n) await new Promise((r) => setTimeout(r, 100));
  });
  const rss = workers.map((w) => peakRssMb(w.pid));
  const cpu = workers.reduce((sum, w, i) => sum + cpuMs(w.pid) - cpuBefore[i], 0);
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  return { rate: (n / run.ms) * 1000, rss: Math.max(...rss), cpuPerLetter: cpu / n, busy: cpu / run.ms / processes };
}
const cpuNote = (r) => `${r.cpuPerLetter.toFixed(1)} ms of the worker's CPU a letter, busy ${(100 * r.busy).toFixed(0)}% of the run`;
const one = await workerRun(1, 2000);
report('worker: letters/s, 1 process (outbox → queue → render → stored)', one.rate.toFixed(0), `peak RSS ${one.rss.toFixed(0)} MB; ${cpuNote(one)}`);
if (BASELINE) {
  const old = await workerRun(1, 2000, BASELINE);
  report(`baseline worker (${BASELINE}): letters/s, 1 process`, old.rate.toFixed(0), `peak RSS ${old.rss.toFixed(0)} MB; ${cpuNote(old)}`);
  report('worker ÷ baseline worker, 1 process (same run)', `${(one.rate / old.rate).toFixed(2)}×`);
}
const two = await workerRun(2, 2000);
report('worker: letters/s, 2 processes', two.rate.toFixed(0), `peak RSS ${two.rss.toFixed(0)} MB each at most`);

if (!WORKER_ONLY) {
  // 4. A 1,000-letter print run, as the worker's job makes it.
  const logger = createLogger('bench', 'silent');
  const jobContext = { db, codes, logger, clock: { now: () => new Date(), today: () => japanDate(new Date()) } };
  const printStaff = await db.staffUser.findFirstOrThrow({ where: { username: 'print_staff' } });
  async function printRun(issuedOn, printedOn) {
    const ids = (
      await db.inquiryLetter.findMany({ where: { status: 'ready', printRunId: null }, take: 1000, orderBy: { createdAt: 'asc' }, select: { id: true } })
    ).map((l) => l.id);
    await db.inquiryLetter.updateMany({ where: { id: { in: ids } }, data: { issuedOn: db$.dateColumn(issuedOn) } });
    const run = await db.printRun.create({
      data: { officeId: printStaff.officeId, createdById: printStaff.id, letterCount: ids.length, printedOn: db$.dateColumn(printedOn) },
    });
    for (const [position, id] of ids.entries())
      await db.inquiryLetter.update({ where: { id }, data: { status: 'printed', printRunId: run.id, printRunPosition: position } });
    const t = await time(() => renderPrintRun.run(jobContext, { printRunId: run.id }));
    const stored = await db.printRun.findUniqueOrThrow({ where: { id: run.id } });
    return { s: t.ms / 1000, mb: stored.pdf.length / 1e6 };
  }
  const today = japanDate(new Date());
  const fresh = await printRun(today, today);
  report('print run: 1,000 letters rendered today, merged', `${fresh.s.toFixed(2)} s`, `${fresh.mb.toFixed(1)} MB`);
  const stale = await printRun(addDays(today, -1), today);
  report('print run: 1,000 letters rendered yesterday (each re-dated, then merged)', `${stale.s.toFixed(2)} s`, `${stale.mb.toFixed(1)} MB`);
}

await db.$disconnect();
await db$.dropDatabase(url);

const cpus = os.cpus();
console.log(
  `\nMachine: ${cpus.length} × ${cpus[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| measure | result | note |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.value} | ${r.note} |`);
