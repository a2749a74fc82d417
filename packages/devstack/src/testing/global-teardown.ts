import teardownTestDatabase from '@madoguchi/db/testing/jest-global-teardown';
import { deleteKeysWithPrefix } from '../redis';

export default async function teardownServices(): Promise<void> {
  const { REDIS_URL, REDIS_PREFIX } = process.env;
  if (REDIS_URL && REDIS_PREFIX?.startsWith('madoguchi-test-')) await deleteKeysWithPrefix(REDIS_URL, REDIS_PREFIX);
  await teardownTestDatabase();
}
