import { createTestDatabase, type TestDatabase } from './index';

declare global {
  var __madoguchiTestDatabase: TestDatabase | undefined;
}

/**
 * Jest global setup: one fresh database for the whole run, handed to the tests as DATABASE_URL (as
 * its owner, for fixtures and checks) and DATABASE_APP_URL (as the application's role, for every API
 * and worker a test starts: row-level security applies to them as in production).
 */
export default async function setupTestDatabase(): Promise<void> {
  // The unit tier needs no server (TEST_TIER=unit, jest.preset.js).
  if (process.env.TEST_TIER === 'unit') return;
  const db = await createTestDatabase();
  globalThis.__madoguchiTestDatabase = db;
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_APP_URL = db.appUrl;
}
