import { Redis } from 'ioredis';
import { SharedThrottleStorage } from './shared-throttle-storage';

/** The throttles' counts in the run's Redis (its own prefix), and in each process's memory when Redis is away. */
const redis = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
// Nothing listens on port 1: every command fails at once, as with Redis stopped.
const away = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
away.on('error', () => undefined);

beforeAll(() => new Promise((resolve) => (redis.status === 'ready' ? resolve(undefined) : redis.once('ready', resolve))));
afterAll(() => {
  redis.disconnect();
  away.disconnect();
});

const prefix = `${process.env.REDIS_PREFIX}:throttle-test-${Date.now()}`;

describe('SharedThrottleStorage', () => {
  it('counts one key across two processes’ storages, blocks past the limit, and says for how long', async () => {
    const [a, b] = [new SharedThrottleStorage(redis, prefix), new SharedThrottleStorage(redis, prefix)];
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await (i % 2 ? b : a).increment('pc-1', 60_000, 3, 60_000, 'login'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[3]!.timeToBlockExpire).toBeGreaterThan(55);
    expect(hits[3]!.timeToBlockExpire).toBeLessThanOrEqual(60);
    // Another key, another throttle: counted apart.
    expect((await a.increment('pc-2', 60_000, 3, 60_000, 'login')).totalHits).toBe(1);
    expect((await a.increment('pc-1', 60_000, 3, 60_000, 'replyLookup')).totalHits).toBe(1);
    expect(await redis.keys(`${prefix}:throttle:login:*`)).toHaveLength(3);
  });

  it('with Redis away counts in the process alone, still blocking past the limit', async () => {
    const storage = new SharedThrottleStorage(away, prefix);
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await storage.increment('pc-3', 60_000, 2, 60_000, 'login'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });
});
