import { spawnSync } from 'node:child_process';
import path from 'node:path';

const main = path.resolve(__dirname, '../../dist/main.js');

function startApi(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, [main], { env: { PATH, HOME, ...env }, encoding: 'utf8', timeout: 20000 });
}

const good = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_SECRET: 'a-secret-of-at-least-thirty-two-characters',
  LETTER_SECRET: 'another-secret-of-at-least-thirty-two-chars',
};

describe('the API process with a bad configuration', () => {
  it.each([
    [{ ...good, PORT: 'eighty' }, 'Configuration error: PORT must be a port number (1-65535) (got "eighty").'],
    [{ ...good, AUTH_SECRET: 'short' }, 'Configuration error: AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 48) (value hidden).'],
    [
      { REDIS_URL: good.REDIS_URL, AUTH_SECRET: good.AUTH_SECRET, LETTER_SECRET: good.LETTER_SECRET },
      'Configuration error: DATABASE_URL is required (e.g. postgresql://postgres@127.0.0.1:5432/madoguchi) (not set).',
    ],
    [
      { ...good, REDIS_URL: 'localhost:6379' },
      'Configuration error: REDIS_URL must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379) (got "localhost:6379").',
    ],
  ])('stops at once with one clear line: %j', (env, line) => {
    const result = startApi(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(line);
    expect(result.stdout).toBe('');
  });
});
