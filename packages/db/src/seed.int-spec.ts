import { DEFAULT_POLICY } from '@madoguchi/domain';
import argon2 from 'argon2';
import { createDatabaseClient } from './client';
import { DEMO_USERNAMES, seedDemoData } from './seed';

const db = createDatabaseClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

describe('seedDemoData', () => {
  it('is idempotent, and never touches an account that exists (a real admin keeps their password)', async () => {
    await seedDemoData(db, 'first-password');
    await seedDemoData(db, 'first-password');
    const users = await db.staffUser.findMany({ where: { username: { in: [...DEMO_USERNAMES] } } });
    expect(users.map((u) => u.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(users.every((u) => u.role === u.username)).toBe(true);
    expect(await db.office.count({ where: { code: { in: ['HQ', 'EAST'] } } })).toBe(2);
    const policies = await db.policyVersion.findMany({ where: { municipality: { code: '999999' } } });
    expect(policies.map((p) => [p.version, p.policy])).toEqual([[1, DEFAULT_POLICY]]);

    const admin = await db.staffUser.findFirstOrThrow({ where: { username: 'admin' } });
    await db.staffUser.update({ where: { id: admin.id }, data: { passwordHash: await argon2.hash('the-real-admins-password'), displayName: '本物の管理者' } });
    await seedDemoData(db, 'second-password');
    const after = await db.staffUser.findFirstOrThrow({ where: { username: 'admin' } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(after.passwordHash, 'the-real-admins-password')).toBe(true);
    expect(await argon2.verify(after.passwordHash, 'second-password')).toBe(false);
    expect(after.displayName).toBe('本物の管理者');
  });
});
