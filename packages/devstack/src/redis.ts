import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function redisHowTo(url: string): string {
  return [
    `Redis is not reachable at ${url}.`,
    'Start one and run the command again:',
    '  - installed locally: redis-server --daemonize yes   (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)',
    '  - with Docker: docker compose up -d redis',
    '  - elsewhere: set REDIS_URL=redis://host:port',
  ].join('\n');
}

export class RedisUnavailableError extends Error {
  constructor(url: string) {
    super(redisHowTo(url));
    this.name = 'RedisUnavailableError';
  }
}

/** True when a Redis answers PING at `url` within `timeoutMs`; never retries, never hangs. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface ResolvedRedis {
  url: string;
  source: 'REDIS_URL' | 'local server' | 'started redis-server';
  stop(): Promise<void>;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(`${dir}/${command}`, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Where Redis is: REDIS_URL if set; else 127.0.0.1:6379 if it answers; else (when `mayStart`) a
 * `redis-server` from PATH started for this process, keeping nothing on disk. Otherwise it
 * throws a RedisUnavailableError that says how to get one.
 */
export async function resolveRedis(options: { mayStart: boolean }): Promise<ResolvedRedis> {
  const noop = async () => undefined;
  const configured = process.env.REDIS_URL;
  if (configured) {
    if (await redisAnswers(configured)) return { url: configured, source: 'REDIS_URL', stop: noop };
    throw new RedisUnavailableError(configured);
  }
  if (await redisAnswers(DEFAULT_REDIS_URL)) return { url: DEFAULT_REDIS_URL, source: 'local server', stop: noop };
  if (!options.mayStart || !onPath('redis-server')) throw new RedisUnavailableError(DEFAULT_REDIS_URL);

  const child: ChildProcess = spawn('redis-server', ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(DEFAULT_REDIS_URL, 200)) {
      return {
        url: DEFAULT_REDIS_URL,
        source: 'started redis-server',
        stop: async () => {
          child.kill('SIGTERM');
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(DEFAULT_REDIS_URL);
}

/** Delete every key under `prefix:` (a test run's own keys), in batches. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
