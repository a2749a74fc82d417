#!/usr/bin/env node
/**
 * `npm start`: prepare the database (local server, or embedded PostgreSQL), apply migrations,
 * seed the demo data, find or start Redis, then run the API, the worker and the console together.
 */
import path from 'node:path';
import { createDatabaseClient, deployMigrations, ensureDatabase, redactUrl, resolveDatabaseUrl, seedDemoData } from '@madoguchi/db';
import { RedisUnavailableError, resolveRedis } from '../redis';
import { startProcess, stopProcesses, waitForHttp, type Supervised } from '../processes';

const repoRoot = path.resolve(__dirname, '../../../..');
const DEFAULT_DEMO_PASSWORD = 'madoguchi-demo';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number (1-65535), got "${raw}".`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const apiPort = port('PORT', 3000);
  const consolePort = port('CONSOLE_PORT', 5173);
  const demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
  if (demoPassword.length < 8) {
    console.error('DEMO_PASSWORD must be at least 8 characters.');
    process.exit(1);
  }

  const database = await resolveDatabaseUrl();
  console.log(`database: ${redactUrl(database.url)} (${database.source})`);
  await ensureDatabase(database.url);
  const applied = await deployMigrations({ databaseUrl: database.url });
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const db = createDatabaseClient(database.url, { poolSize: 2 });
  await seedDemoData(db, demoPassword);
  await db.$disconnect();

  let redis;
  try {
    redis = await resolveRedis({ mayStart: true });
  } catch (error) {
    await database.stop();
    throw error;
  }
  console.log(`redis: ${redactUrl(redis.url)} (${redis.source})`);

  const env = { ...process.env, DATABASE_URL: database.url, REDIS_URL: redis.url };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const processes: Supervised[] = [
    startProcess('api', process.execPath, ['dist/main.js'], { cwd: path.join(repoRoot, 'apps/api'), env: { ...env, PORT: String(apiPort) } }),
    startProcess('worker', process.execPath, ['dist/main.js'], { cwd: path.join(repoRoot, 'apps/worker'), env }),
    startProcess(
      'console',
      process.execPath,
      [require.resolve('vite/bin/vite.js', { paths: [path.join(repoRoot, 'apps/console')] }), 'preview', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'],
      { cwd: path.join(repoRoot, 'apps/console'), env: { ...env, MADOGUCHI_API_URL: apiUrl } },
    ),
  ];

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopProcesses(processes);
    await redis.stop();
    await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const { name, child } of processes) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
      void shutdown(1);
    });
  }

  const consoleUrl = `http://127.0.0.1:${consolePort}/`;
  const [apiUp, consoleUp] = await Promise.all([waitForHttp(`${apiUrl}/health`, 60000), waitForHttp(consoleUrl, 60000)]);
  if (!apiUp || !consoleUp) {
    console.error(`${apiUp ? 'The console' : 'The API'} did not come up within 60 s.`);
    return shutdown(1);
  }
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

main().catch((error: unknown) => {
  console.error(error instanceof RedisUnavailableError ? error.message : error);
  process.exit(1);
});
