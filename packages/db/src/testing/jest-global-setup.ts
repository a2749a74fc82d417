import { createTestDatabase, type TestDatabase } from './index';

declare global {
  var __madoguchiTestDatabase: TestDatabase | undefined;
}

/** Jest global setup: one fresh database for the whole run, handed to the tests as DATABASE_URL. */
export default async function setupTestDatabase(): Promise<void> {
  // The unit tier needs no server (TEST_TIER=unit, jest.preset.js).
  if (process.env.TEST_TIER === 'unit') return;
  const db = await createTestDatabase();
  globalThis.__madoguchiTestDatabase = db;
  process.env.DATABASE_URL = db.url;
}
