import { accessSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { killAll, randomPort, REPO_ROOT, serviceEnv, startApi, startProcess, startWorker, stop, waitFor, type RunningProcess } from '@madoguchi/devstack/dist/testing/services';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the journeys leave their screenshots (`npm run screenshots` points it at docs/screenshots). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'madoguchi-screenshots');

export interface Stack {
  consoleUrl: string;
  apiUrl: string;
  letterSecret: string;
  browser: Browser;
  /** What the API and the worker printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

function viteBin(): string {
  const consoleDir = path.join(REPO_ROOT, 'apps/console');
  const manifest = require.resolve('vite/package.json', { paths: [consoleDir] });
  return path.join(path.dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { vite: string } }).bin.vite);
}

/**
 * The whole system for a browser: the API, a worker and the built console (`vite preview`,
 * forwarding /api to the API), on the run's database and Redis prefix, and headless Chromium.
 */
export async function startStack(): Promise<Stack> {
  try {
    accessSync(CHROMIUM);
  } catch {
    throw new Error(`Chromium is not at ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
  }
  const letterSecret = randomBytes(32).toString('base64');
  // Every journey logs in from this one address: the per-address login throttle is raised for them.
  const env = serviceEnv({ LETTER_SECRET: letterSecret, LOG_LEVEL: 'warn', LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
  const api = await startApi(env);
  const worker = startWorker(env);
  const port = randomPort();
  const preview: RunningProcess = startProcess(process.execPath, [viteBin(), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { ...env, MADOGUCHI_API_URL: api.url }, path.join(REPO_ROOT, 'apps/console'));
  const consoleUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(consoleUrl).catch(() => undefined))?.ok === true, 30000, () => `the console to be served:\n${preview.output()}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The flags this machine needs: no sandbox as root, no GPU, and no calls home (its network is closed).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ja-JP'],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    consoleUrl,
    apiUrl: api.url,
    letterSecret,
    browser,
    output: () => `--- api\n${api.output()}\n--- worker\n${worker.output()}`,
    async stop() {
      await browser.close();
      await Promise.all([stop(preview), stop(worker), stop(api)]);
      await killAll();
    },
  };
}

/** A new browser page for one person at the counter, logged in. */
export async function loggedIn(stack: Stack, username: string, password: string): Promise<Page> {
  const context = await stack.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  // Short waits, so a step that fails says which one, well inside the test's own time limit.
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  await page.goto(`${stack.consoleUrl}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.getByText('ようこそ').waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * What axe-core (the accessibility rules engine browsers' audits use) finds on the page against
 * WCAG 2.1 A and AA: unlabelled fields, contrast below AA, missing names, and the like.
 */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // A menu still fading out is half transparent: judge the page once it is gone.
  await page.waitForFunction(() => !document.querySelector('[role=listbox]'));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
