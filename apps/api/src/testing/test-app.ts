import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDatabaseClient } from '@madoguchi/db';
import { DEMO_USERNAMES, seedDemoData } from '@madoguchi/db/tools';
import type { Role } from '@madoguchi/domain';
import request from 'supertest';
import { createApp } from '../app';
import { loadApiConfig } from '../config/api-config';

/** A signing secret for the run; tokens from other runs do not verify. */
export const TEST_AUTH_SECRET = randomBytes(32).toString('base64');
export const TEST_LETTER_SECRET = randomBytes(32).toString('base64');

/**
 * The real application on the run's own database and Redis prefix (set by the jest global
 * setup), with overrides for a test that needs a broken dependency or other limits. All tests
 * log in from one address, so the per-address login throttle is raised unless a test sets it.
 * Every answer is checked against its route's contract (CONTRACT_CHECK=strict).
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = loadApiConfig({
    ...process.env,
    // As in production, the API connects as the application's role: row-level security applies.
    DATABASE_URL: process.env.DATABASE_APP_URL,
    LOG_LEVEL: 'silent',
    AUTH_SECRET: TEST_AUTH_SECRET,
    LETTER_SECRET: TEST_LETTER_SECRET,
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    CONTRACT_CHECK: 'strict',
    // Each test's app is an installation of its own: its throttles count its own logins only.
    THROTTLE_PREFIX: `${process.env.REDIS_PREFIX}:app-${randomBytes(6).toString('hex')}`,
    ...overrides,
  });
  const app = await createApp(config);
  await app.init();
  // Fastify adds the routes to its router when it is ready, which `listen` waits for and `init` does not.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export const DEMO_PASSWORD = 'test-demo-password';

/** Seed the demo offices and users (idempotent) and log each role in: role → bearer token. */
export async function loginEveryRole(app: INestApplication): Promise<Record<Role, string>> {
  const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    await seedDemoData(db, DEMO_PASSWORD);
  } finally {
    await db.$disconnect();
  }
  const tokens = {} as Record<Role, string>;
  for (const username of DEMO_USERNAMES) {
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    tokens[username] = res.body.accessToken as string;
  }
  return tokens;
}
