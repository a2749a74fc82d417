import { Redis } from 'ioredis';
import { deleteKeysWithPrefix, redisAnswers, resolveRedis } from './redis';

const url = process.env.REDIS_URL!;
// Under the run's prefix, apart from keys other suites of the run write there.
const prefix = `${process.env.REDIS_PREFIX!}:discovery`;

describe('Redis discovery', () => {
  it('sees the Redis the tests run against', async () => {
    expect(await redisAnswers(url)).toBe(true);
  });

  it('answers false at once for a port nobody listens on — never a hang', async () => {
    const started = Date.now();
    expect(await redisAnswers('redis://127.0.0.1:1', 1000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops with instructions when REDIS_URL names a Redis that is not there', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    try {
      await expect(resolveRedis({ mayStart: true })).rejects.toThrow(
        /Redis is not reachable at redis:\/\/127\.0\.0\.1:1\.[\s\S]*redis-server --daemonize yes[\s\S]*docker compose up -d redis[\s\S]*REDIS_URL/,
      );
    } finally {
      process.env.REDIS_URL = saved;
    }
  });

  it('deletes only the keys under a run’s own prefix', async () => {
    const client = new Redis(url);
    try {
      await client.set(`${prefix}:a`, '1');
      await client.set(`${prefix}:b`, '2');
      await client.set(`${prefix}-other:c`, '3');
      expect(await deleteKeysWithPrefix(url, prefix)).toBe(2);
      expect(await client.exists(`${prefix}:a`, `${prefix}:b`)).toBe(0);
      expect(await client.get(`${prefix}-other:c`)).toBe('3');
      await client.del(`${prefix}-other:c`);
    } finally {
      client.disconnect();
    }
  });
});
