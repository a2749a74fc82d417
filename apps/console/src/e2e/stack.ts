import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  assertChromium,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  killAll,
  freePorts,
  REPO_ROOT,
  serviceEnv,
  startApi,
  startProcess,
  startWorker,
  stop,
  waitFor,
  type RunningProcess,
} from '@madoguchi/devstack/testing';
import { createDatabaseClient, type Database } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** The demo users' password in the browser tests. */
export const PASSWORD = 'e2e-demo-password';

/**
 * One e2e file's demo data and stack: seeded and started before its tests, stopped after. Read
 * `demo.stack` inside the tests (it exists once `beforeAll` has run).
 */
export function useDemoStack(): { db: Database; readonly stack: Stack } {
  const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
  let stack: Stack | undefined;
  beforeAll(async () => {
    await seedDemoData(db, PASSWORD);
    stack = await startStack();
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
    await db.$disconnect();
  });
  return {
    db,
    get stack() {
      if (!stack) throw new Error('the stack is started in beforeAll: read demo.stack inside a test');
      return stack;
    },
  };
}

/**
 * The whole system for a browser: the API, a worker and the built console (`vite preview`,
 * forwarding /api to the API), on the run's database and Redis prefix, and headless Chromium.
 */
export async function startStack(): Promise<Stack> {
  assertChromium();
  const letterSecret = randomBytes(32).toString('base64');
  // Every journey logs in from this one address: the per-address login throttle is raised for them.
  const env = serviceEnv({ LETTER_SECRET: letterSecret, LOG_LEVEL: 'warn', LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
  const api = await startApi(env);
  const worker = startWorker(env);
  const port = await freePorts();
  const preview: RunningProcess = startProcess(
    process.execPath,
    [viteBin(), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { ...env, MADOGUCHI_API_URL: api.url },
    path.join(REPO_ROOT, 'apps/console'),
  );
  const consoleUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(consoleUrl).catch(() => undefined))?.ok === true,
    30000,
    () => `the console to be served:\n${preview.output()}`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
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

/** A new browser page for one person at the counter, at the login form. */
export async function atLogin(stack: Stack, locale: 'ja-JP' | 'en-US' = 'ja-JP'): Promise<Page> {
  const context = await stack.browser.newContext({ viewport: { width: 1366, height: 900 }, locale, timezoneId: 'Asia/Tokyo' });
  // Short waits, so a step that fails says which one, well inside the test's own time limit.
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  await page.goto(`${stack.consoleUrl}/#/login`);
  return page;
}

/** Log in by typing, as a person does, and wait for the home screen. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('input[name=username]').click();
  await page.keyboard.type(username);
  await page.locator('input[name=password]').click();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.locator('#main-content').waitFor();
}

/** A new browser page for one person at the counter, logged in. */
export async function loggedIn(stack: Stack, username: string, password: string, locale: 'ja-JP' | 'en-US' = 'ja-JP'): Promise<Page> {
  const page = await atLogin(stack, locale);
  await logIn(page, username, password);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top: the fixed app bar is drawn where the page was scrolled to otherwise.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Transitions finished at once: a button just enabled is shown as it will look, not half-way there.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
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
  // Evaluated, not added as a <script>: the console's CSP refuses inline scripts, as it should.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
