#!/usr/bin/env node
/**
 * `npm start`: prepare the database (local server, or embedded PostgreSQL), apply migrations,
 * seed the demo data, find or start Redis, then run the API, the worker and the console together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDatabaseClient, deployMigrations, ensureDatabase, redactUrl, resolveDatabaseUrl, seedDemoData } from '@madoguchi/db';
import { RedisUnavailableError, resolveRedis } from '../redis';
import { localSecrets } from '../secrets';
import { startProcess, stopProcesses, waitForHttp, type Supervised } from '../processes';

const repoRoot = path.resolve(__dirname, '../../../..');
const DEFAULT_DEMO_PASSWORD = 'madoguchi-demo';
const STARTUP_TIMEOUT_MS = 60000;

class StartError extends Error {}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new StartError(`Configuration error: ${name} must be a port number (1-65535) (got "${raw}").`);
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
  const apiPort = port('PORT', 3000);
  const consolePort = port('CONSOLE_PORT', 5173);
  const demoPassword = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  if (demoPassword.length < 8) throw new StartError('Configuration error: DEMO_PASSWORD must be at least 8 characters.');
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const database = await resolveDatabaseUrl();
  cleanups.push(database.stop);
  console.log(`database: ${redactUrl(database.url)} (${database.source})`);
  await ensureDatabase(database.url);
  const applied = await deployMigrations({ databaseUrl: database.url });
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const db = createDatabaseClient(database.url, { poolSize: 2 });
  try {
    await seedDemoData(db, demoPassword);
  } finally {
    await db.$disconnect();
  }

  const redis = await resolveRedis({ mayStart: true });
  cleanups.push(redis.stop);
  console.log(`redis: ${redactUrl(redis.url)} (${redis.source})`);

  const env = { ...process.env, ...localSecrets(path.join(repoRoot, '.data')), DATABASE_URL: database.url, REDIS_URL: redis.url };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const consoleDir = path.join(repoRoot, 'apps/console');
  const vite = viteBin(consoleDir);
  const processes: Supervised[] = [];
  cleanups.push(() => stopProcesses(processes));
  processes.push(
    startProcess('api', process.execPath, ['dist/main.js'], { cwd: path.join(repoRoot, 'apps/api'), env: { ...env, PORT: String(apiPort) } }),
    startProcess('worker', process.execPath, ['dist/main.js'], { cwd: path.join(repoRoot, 'apps/worker'), env }),
    startProcess('console', process.execPath, [vite, 'preview', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'], {
      cwd: consoleDir,
      env: { ...env, MADOGUCHI_API_URL: apiUrl },
    }),
  );
  for (const { name, child } of processes) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
      void stopAll(1);
    });
  }

  const consoleUrl = `http://127.0.0.1:${consolePort}/`;
  const [apiUp, consoleUp] = await Promise.all([waitForHttp(`${apiUrl}/health`, STARTUP_TIMEOUT_MS), waitForHttp(consoleUrl, STARTUP_TIMEOUT_MS)]);
  if (!apiUp || !consoleUp) throw new StartError(`${apiUp ? 'The console' : 'The API'} did not come up within ${STARTUP_TIMEOUT_MS / 1000} s.`);
  console.log(
    [
      '',
      '窓口 Madoguchi is running.',
      `  console: ${consoleUrl}`,
      `  API:     ${apiUrl}/api   (health: ${apiUrl}/health)`,
      `  demo logins (password "${demoPassword}"): clerk, supervisor, print_staff, admin`,
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
