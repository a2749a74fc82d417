// The API as every bench starts it: built, on the bench's database, with the flags it runs with
// everywhere (API_NODE_FLAGS), logging warnings only, logins unthrottled. `flags` and `env` add to it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devstack$ = require(`${root}/packages/devstack/dist/testing/index.js`);

export const BENCH_PASSWORD = 'bench-password';

export async function startBenchApi({ url, flags = [], env = {} }) {
  const port = await devstack$.freePorts();
  const child = spawn(process.execPath, [...devstack$.API_NODE_FLAGS, ...flags, `${root}/apps/api/dist/main.js`], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_SECRET: randomBytes(32).toString('base64'),
      LETTER_SECRET: randomBytes(32).toString('base64'),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'madoguchi-bench',
      LOGIN_ATTEMPTS_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await devstack$.waitFor(
    async () => (await fetch(`${base}/health`).catch(() => undefined)) !== undefined,
    60000,
    () => 'the API',
  );
  /** A bearer token for one of the seed's staff. */
  const login = async (username) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: BENCH_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
    return (await res.json()).accessToken;
  };
  return { base, port, child, login };
}
