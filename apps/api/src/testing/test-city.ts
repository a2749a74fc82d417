import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient, type Database } from '@madoguchi/db';
import type { Role } from '@madoguchi/domain';
import { asStaff, testMunicipality, type TestMunicipality } from './municipality';
import { startTestApp } from './test-app';

export interface TestCity {
  db: Database;
  readonly app: INestApplication;
  readonly city: TestMunicipality;
  /** Requests as the city's member of staff in `role`. */
  as(role: Role): ReturnType<typeof asStaff>;
}

/**
 * One test file's application and municipality of its own: started before its tests, closed
 * after. Read `t.app` and `t.city` inside the tests (they exist once `beforeAll` has run).
 * `overrides` may be a function, read when the app starts (a server the file starts first).
 */
export function useTestCity(code: string, overrides: Record<string, string> | (() => Record<string, string>) = {}): TestCity {
  const db = createDatabaseClient(process.env.DATABASE_URL!);
  let app: INestApplication | undefined;
  let city: TestMunicipality | undefined;
  beforeAll(async () => {
    app = await startTestApp(typeof overrides === 'function' ? overrides() : overrides);
    city = await testMunicipality(app, db, code);
  });
  afterAll(async () => {
    await app?.close();
    await db.$disconnect();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test city starts in beforeAll: use it inside a test');
    return value;
  };
  return {
    db,
    get app() {
      return started(app);
    },
    get city() {
      return started(city);
    },
    as: (role) => asStaff(started(app), started(city).tokens[role]),
  };
}
