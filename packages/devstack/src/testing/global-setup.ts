import { randomBytes } from 'node:crypto';
import setupTestDatabase from '@madoguchi/db/testing/jest-global-setup';
import { DEFAULT_REDIS_URL, RedisUnavailableError, redisAnswers } from '../redis';

/**
 * Jest global setup for workspaces whose integration tests need PostgreSQL and Redis: a fresh
 * database for the run, and a Redis key prefix of its own. Without a Redis it stops at once,
 * saying how to start one.
 */
export default async function setupServices(): Promise<void> {
  // The unit tier needs no server (TEST_TIER=unit, jest.preset.js).
  if (process.env.TEST_TIER === 'unit') return;
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  if (!(await redisAnswers(redisUrl))) throw new RedisUnavailableError(redisUrl);
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = `madoguchi-test-${randomBytes(6).toString('hex')}`;
  await setupTestDatabase();
}
