#!/usr/bin/env node
/**
 * `npm start`: prepare the database (local server, or embedded PostgreSQL), apply migrations,
 * find or start Redis, then run the API, the worker and the console together. The demo database
 * (the default one, or any with `--demo`) gets the demo accounts and, when it has no cases yet,
 * a demo day; a database given by DATABASE_URL is otherwise left as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoleUrl, createDatabaseClient, redactUrl } from '@madoguchi/db';
import { DEMO_MUNICIPALITY, deployMigrations, ensureDatabase, ensureLocalAppRole, resolveDatabaseUrl, seedDemoData } from '@madoguchi/db/tools';
import { seedDemoDay } from '../demo-day';
import { RedisUnavailableError, resolveRedis } from '../redis';
import { localSecrets, type LocalSecrets } from '../secrets';
import { API_NODE_FLAGS } from '../node-flags';
import { productionRefusal } from '../production';
import { startProcess, stopProcesses, waitForHttp, type Supervised } from '../processes';

const repoRoot = path.resolve(__dirname, '../../../..');
const DEFAULT_DEMO_PASSWORD = 'madoguchi-demo';
const STARTUP_TIMEOUT_MS = 60000;

class StartError extends Error {}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new StartError(`Configuration error: ${name} must be a port number (1-65535) (got "${raw}").`);
  return value;
}

/** What was started so far, undone in reverse order on any failure or on Ctrl+C. */
const cleanups: (() => Promise<unknown>)[] = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const undo of cleanups.reverse()) await undo().catch(() => undefined);
  }
  process.exit(code);
}

function viteBin(consoleDir: string): string {
  const manifest = require.resolve('vite/package.json', { paths: [consoleDir] });
  return path.join(path.dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { vite: string } }).bin.vite);
}

async function main(): Promise<void> {
  const refusal = productionRefusal(process.env, process.argv);
  if (refusal) throw new StartError(refusal);
  const production = process.env.NODE_ENV === 'production';
  const apiPort = port('PORT', 3000);
  const consolePort = port('CONSOLE_PORT', 5173);
  const demoPassword = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  if (demoPassword.length < 8) throw new StartError('Configuration error: DEMO_PASSWORD must be at least 8 characters.');
  // LOG_LEVEL set by the user shows everything the processes log (route maps at debug); otherwise one line each when up.
  const verbose = !!process.env.LOG_LEVEL;
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const database = await resolveDatabaseUrl();
  cleanups.push(database.stop);
  const demo = database.source !== 'DATABASE_URL' || process.argv.includes('--demo');
  console.log(`database: ${redactUrl(database.url)} (${database.source}${demo ? ', demo' : ''})`);
  // Migrations (and the demo seed) as the tables' owner; the services as the application's role,
  // under row-level security: DATABASE_URL is that role's when DATABASE_MIGRATE_URL names the owner
  // (as in production); otherwise DATABASE_URL is the owner's and the role is made ready here.
  const ownerUrl = process.env.DATABASE_MIGRATE_URL || database.url;
  await ensureDatabase(ownerUrl);
  const applied = await deployMigrations({ databaseUrl: ownerUrl });
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  let servicesUrl = database.url;
  if (!process.env.DATABASE_MIGRATE_URL && !production) {
    await ensureLocalAppRole(database.url);
    servicesUrl = appRoleUrl(database.url);
  }
  const db = createDatabaseClient(ownerUrl, { poolSize: 2 });
  cleanups.push(() => db.$disconnect());
  if (demo) await seedDemoData(db, demoPassword);

  const redis = await resolveRedis({ mayStart: !production });
  cleanups.push(redis.stop);
  console.log(`redis: ${redactUrl(redis.url)} (${redis.source})`);

  // In production the secrets are the operator's (productionRefusal made sure they are set).
  const secrets: LocalSecrets = production
    ? { AUTH_SECRET: process.env.AUTH_SECRET!, LETTER_SECRET: process.env.LETTER_SECRET! }
    : localSecrets(path.join(repoRoot, '.data'));
  const env = { ...process.env, ...secrets, LOG_LEVEL: process.env.LOG_LEVEL || 'info', DATABASE_URL: servicesUrl, REDIS_URL: redis.url };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const consoleUrl = `http://127.0.0.1:${consolePort}/`;
  const consoleDir = path.join(repoRoot, 'apps/console');
  const vite = viteBin(consoleDir);
  let workerUp!: () => void;
  const workerStarted = new Promise<void>((resolve) => (workerUp = resolve));
  const processes: Supervised[] = [];
  cleanups.push(() => stopProcesses(processes));
  processes.push(
    startProcess('api', process.execPath, [...API_NODE_FLAGS, 'dist/main.js'], {
      cwd: path.join(repoRoot, 'apps/api'),
      env: { ...env, PORT: String(apiPort) },
      output: { verbose },
    }),
    startProcess('worker', process.execPath, ['dist/main.js'], {
      cwd: path.join(repoRoot, 'apps/worker'),
      env,
      output: { verbose, readyWhen: 'worker started', onReady: workerUp },
    }),
    startProcess('console', process.execPath, [vite, 'preview', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'], {
      cwd: consoleDir,
      env: { ...env, MADOGUCHI_API_URL: apiUrl },
      output: { verbose },
    }),
  );
  for (const { name, child } of processes) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
      void stopAll(1);
    });
  }

  const up = async (name: string, ready: Promise<boolean>, where = '') => {
    if (!(await ready)) throw new StartError(`The ${name} did not come up within ${STARTUP_TIMEOUT_MS / 1000} s.`);
    console.log(`${name}: up${where}`);
  };
  const within = (p: Promise<void>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), STARTUP_TIMEOUT_MS))]);
  // The worker says it is up at info level; a LOG_LEVEL that hides info hides that line too.
  const workerReady = ['trace', 'debug', 'info'].includes(env.LOG_LEVEL) ? within(workerStarted) : Promise.resolve(true);
  await Promise.all([
    up('api', waitForHttp(`${apiUrl}/health`, STARTUP_TIMEOUT_MS), ` (${apiUrl}/api)`),
    up('worker', workerReady),
    up('console', waitForHttp(consoleUrl, STARTUP_TIMEOUT_MS), ` (${consoleUrl})`),
  ]);

  if (demo) {
    const made = await seedDemoDay(db, { apiUrl, password: demoPassword, letterSecret: secrets.LETTER_SECRET, municipalityCode: DEMO_MUNICIPALITY.code });
    if (made) console.log(`demo day: ${made} cases in every state, for ${DEMO_MUNICIPALITY.name}`);
  }
  // The published demo password is printed to a person at a terminal, never into a log file.
  const logins = demo
    ? `  demo logins: clerk, supervisor, print_staff, admin${process.stdout.isTTY ? ` (password "${demoPassword}")` : ' (password: DEMO_PASSWORD, or the default in the README)'}`
    : '  no demo data in a database given by DATABASE_URL (npm start -- --demo adds it)';
  console.log(
    [
      '',
      '窓口 Madoguchi is running.',
      `  console: ${consoleUrl}`,
      `  API:     ${apiUrl}/api   (health: ${apiUrl}/health)`,
      logins,
      '  Ctrl+C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  const plain = error instanceof StartError || error instanceof RedisUnavailableError;
  console.error(plain ? (error as Error).message : error);
  await stopAll(1);
});
