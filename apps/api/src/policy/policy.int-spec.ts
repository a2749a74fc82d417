import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { DEFAULT_POLICY, type Role } from '@madoguchi/domain';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let city: TestMunicipality;
beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990901');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});
const as = (role: Role) => asStaff(app, city.tokens[role]);

describe('policy', () => {
  it('an admin’s change is a new version; the old one stays for the cases decided under it', async () => {
    const before = (await as('supervisor').get('/api/policy').expect(200)).body as { version: number }[];
    const res = await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, replyDeadlineDays: 21 })
      .expect(200);
    expect(res.body).toMatchObject({ version: before[0]!.version + 1, policy: { replyDeadlineDays: 21 } });
    const after = (await as('clerk').get('/api/policy').expect(200)).body as { version: number; policy: { replyDeadlineDays: number } }[];
    expect(after.map((v) => v.version)).toEqual([before[0]!.version + 1, ...before.map((v) => v.version)]);
    expect(after.at(-1)!.policy.replyDeadlineDays).toBe(30);
  });

  it('refuses an invalid policy with each field, and a non-admin', async () => {
    const res = await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, replyDeadlineDays: 0, storePins: true })
      .expect(422);
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['replyDeadlineDays', 'policy_integer_out_of_range'],
      ['storePins', 'policy_unknown_field'],
    ]);
    await as('supervisor').put('/api/policy', DEFAULT_POLICY).expect(403);
  });

  it('refuses a partial policy rather than resetting the fields it leaves out', async () => {
    const before = (await as('admin').get('/api/policy').expect(200)).body as { version: number }[];
    const res = await as('admin').put('/api/policy', { replyDeadlineDays: 45 }).expect(422);
    expect(res.body.details.map((d: { code: string }) => d.code)).toContain('policy_field_missing');
    expect(((await as('admin').get('/api/policy').expect(200)).body as { version: number }[])[0]!.version).toBe(before[0]!.version);
  });

  it('refuses a save made from a screen another admin has saved over since, naming the version now in force', async () => {
    const shown = ((await as('admin').get('/api/policy').expect(200)).body as { version: number }[])[0]!.version;
    const save = (days: number) =>
      as('admin')
        .put('/api/policy', { ...DEFAULT_POLICY, replyDeadlineDays: days })
        .set('if-match', `"${shown}"`);
    // Two admins editing the same version, saving at the same moment or one after the other: one wins.
    const [a, b] = await Promise.all([save(40), save(50)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'policy_changed' });
    expect(loser.body.message).toContain(`第${shown + 1}版`);
    const after = (await as('admin').get('/api/policy').expect(200)).body as { version: number; policy: { replyDeadlineDays: number } }[];
    expect(after[0]!.version).toBe(shown + 1);
    expect(after[0]!.policy.replyDeadlineDays).toBe((a.status === 200 ? a : b).body.policy.replyDeadlineDays);
    // The loser reloads and saves over the version now shown.
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, replyDeadlineDays: 50 })
      .set('if-match', `W/"${shown + 1}"`)
      .expect(200);
    expect((await as('admin').put('/api/policy', DEFAULT_POLICY).set('if-match', 'latest').expect(400)).body.details).toEqual([
      expect.objectContaining({ code: 'if_match_malformed' }),
    ]);
  });

  it('shows each municipality its own versions only', async () => {
    const other = await testMunicipality(app, db, '990902');
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, replyDeadlineDays: 33 })
      .expect(200);
    const theirs = (await asStaff(app, other.tokens.clerk).get('/api/policy').expect(200)).body as { version: number; policy: { replyDeadlineDays: number } }[];
    expect(theirs.map((v) => [v.version, v.policy.replyDeadlineDays])).toEqual([[1, 30]]);
  });
});
