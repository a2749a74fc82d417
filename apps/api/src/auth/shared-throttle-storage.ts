import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { within } from '@madoguchi/platform';
import type { Redis } from 'ioredis';

/**
 * One window per key, counted in Redis so that every API process behind the balancer counts the
 * same tries (an address gets its 10 logins a minute in all, not 10 per process). KEYS: the hits
 * and the block; ARGV: the window, the limit, the block's length (ms). Answers hits and the
 * milliseconds left of the window and of the block (0: not blocked).
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
if blocked < 0 then blocked = 0 end
return {hits, left, blocked}`;

/** How long a count may take before this process counts alone (Redis slow or away). */
const REDIS_WAIT_MS = 300;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The login and reply look-up throttles' counts, shared by the API processes through Redis. Redis
 * away does not stop logins (registrations go on without Redis too): each process then counts in
 * its own memory, as a single process always did, until Redis answers again. The failed-login
 * back-off per username and address is in PostgreSQL and holds either way.
 */
export class SharedThrottleStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttle');
  private readonly local = new ThrottlerStorageService();
  private alone = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    try {
      const [hits, left, blocked] = (await within(
        this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration),
        REDIS_WAIT_MS,
      )) as [number, number, number];
      if (this.alone) this.logger.log('Redis answers again: throttles counted across API processes');
      this.alone = false;
      return { totalHits: hits, timeToExpire: Math.ceil(left / 1000), isBlocked: blocked > 0, timeToBlockExpire: Math.ceil(blocked / 1000) };
    } catch {
      if (!this.alone) this.logger.warn('Redis does not answer: throttles counted by this API process alone until it does');
      this.alone = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
