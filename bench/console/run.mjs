// bench/console/run.mjs: how soon the console is usable, in Debian's Chromium, on the 1,000,000-case
// database bench/lists/seed.mjs made: the login form in a new tab, then the case list, a case page,
// the dashboard and the registration form after the click that opens each.
//   node bench/lists/seed.mjs && npm run build && node bench/console/run.mjs [rounds, default 10]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_PASSWORD as PASSWORD, startBenchApi } from '../bench-api.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { chromium } = require('playwright-core');
const devstack$ = require(`${root}/packages/devstack/dist/testing/index.js`);

const ROUNDS = Number(process.argv[2] ?? 10);

const server = (await db$.resolveDatabaseUrl()).url;
const url = db$.withDatabase(server, 'madoguchi_bench_lists');

function startProcess(args, env, cwd = root) {
  return spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}
async function waitForHttp(u) {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(u).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${u} never answered`);
}

const { base: apiBase, child: api } = await startBenchApi({ url });
const consolePort = await devstack$.freePorts();
const consoleDir = path.join(root, 'apps/console');
const viteManifest = require.resolve('vite/package.json', { paths: [consoleDir] });
const vite = path.join(path.dirname(viteManifest), JSON.parse(readFileSync(viteManifest, 'utf8')).bin.vite);
const preview = startProcess(
  [vite, 'preview', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'],
  { MADOGUCHI_API_URL: apiBase },
  consoleDir,
);
const consoleUrl = `http://127.0.0.1:${consolePort}`;
await waitForHttp(consoleUrl);

const browser = await chromium.launch({ executablePath: devstack$.CHROMIUM_PATH, args: [...devstack$.CHROMIUM_ARGS] });
const timings = {};
const record = (what, ms) => (timings[what] ??= []).push(ms);

/**
 * Measured in the page, as a person sees it: from the click (dispatched on the element) to the
 * moment the screen's content is in the document (a MutationObserver), by the page's own clock.
 * Playwright's own click and wait add a few hundred milliseconds of polling on this machine; they
 * are left out.
 */
const clickUntil = (page, click, ready) =>
  page.evaluate(
    ([c, r]) =>
      new Promise((resolve, reject) => {
        const target = [...document.querySelectorAll(c.selector)].find((e) => !c.text || e.textContent.trim() === c.text);
        if (!target) return reject(new Error(`nothing to click: ${c.selector} ${c.text ?? ''}`));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(r)) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        target.click();
      }),
    [click, ready],
  );

const SCREENS = [
  ['case list (1M cases)', { selector: '[role=menuitem]', text: '申請' }, 'table tbody tr td'],
  ['case page', { selector: 'table tbody tr' }, '[data-testid=case-history] li'],
  ['case list again', { selector: '[role=menuitem]', text: '申請' }, 'table tbody tr td'],
  ['registration form', { selector: 'a', text: '新規受付' }, '#holder-birthDate:enabled'],
  ['dashboard', { selector: '[role=menuitem]', text: 'ホーム' }, '[data-testid=overdue-cases] tr'],
];

for (let round = 0; round < ROUNDS; round++) {
  // A new tab, as at the start of a shift: nothing cached, every screen opened for the first time.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('input[name=username]')) return;
      window.__loginFormAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${consoleUrl}/`);
  await page.locator('input[name=username]').waitFor();
  // From the start of the navigation (the page's time origin) to the form in the document.
  record('login form, new tab', await page.evaluate(() => window.__loginFormAt));
  await page.fill('input[name=username]', 'supervisor');
  await page.fill('input[name=password]', PASSWORD);
  record('dashboard, after logging in (argon2 included)', await clickUntil(page, { selector: 'button[type=submit]' }, '[data-testid=overdue-cases] tr'));
  for (const [what, click, ready] of SCREENS) {
    // The next click waits until the screen is still: what a person does, and no overlap between measures.
    await page.waitForLoadState('networkidle');
    record(`${what}, after its click`, await clickUntil(page, click, ready));
  }
  await context.close();
}
const version = browser.version();
await browser.close();
api.kill();
preview.kill();

const cpus = os.cpus();
const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
console.log(
  `Machine: ${cpus.length} × ${cpus[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${version}; ${ROUNDS} rounds\n`,
);
console.log('| screen | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
for (const [what, xs] of Object.entries(timings))
  console.log(`| ${what} | ${at(xs, 0.5).toFixed(0)} | ${at(xs, 0.95).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`);
