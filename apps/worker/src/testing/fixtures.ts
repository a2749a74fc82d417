import { randomBytes } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import { openCounter as openCounterWith, type Counter } from '@madoguchi/devstack/testing';

export { clerkAt, STAFF_PASSWORD, type Counter } from '@madoguchi/devstack/testing';

/** The letters' key in these tests: the worker renders check codes with it, the tests recompute them. */
export const TEST_LETTER_SECRET = randomBytes(32).toString('base64');

/** The counter (an API process, the demo staff seeded) on the run's database, with the tests' letter key. */
export function openCounter(db: Database): Promise<Counter> {
  return openCounterWith(db, { LETTER_SECRET: TEST_LETTER_SECRET });
}
