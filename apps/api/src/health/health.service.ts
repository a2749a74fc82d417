import { Inject, Injectable } from '@nestjs/common';
import type { Health } from '@madoguchi/contract';
import type { Database } from '@madoguchi/db';
import type { Redis } from 'ioredis';
import { within } from '@madoguchi/platform';
import { DATABASE } from '../database/database.module';
import { REDIS } from '../redis/redis.module';

const PROBE_TIMEOUT_MS = 1500;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Health> {
    const [database, redis] = await Promise.all([
      within(this.db.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(this.redis.ping(), PROBE_TIMEOUT_MS).then(
        (r) => (r === 'PONG' ? ('up' as const) : ('down' as const)),
        () => 'down' as const,
      ),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'degraded', database, redis };
  }
}
