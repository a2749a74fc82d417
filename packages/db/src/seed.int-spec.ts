import { DEFAULT_POLICY } from '@madoguchi/domain';
import argon2 from 'argon2';
import { createDatabaseClient } from './client';
import { DEMO_MUNICIPALITY, DEMO_USERNAMES, seedDemoData } from './seed';

const db = createDatabaseClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

describe('seedDemoData', () => {
  it('is idempotent, and never touches an account that exists (a real admin keeps their password)', async () => {
    await seedDemoData(db, 'first-password');
    await seedDemoData(db, 'first-password');
    // (Other test files' cities may have a `clerk` or an office HQ of their own.)
    const { id: municipalityId } = await db.municipality.findUniqueOrThrow({ where: { code: DEMO_MUNICIPALITY.code } });
    const users = await db.staffUser.findMany({ where: { municipalityId, username: { in: [...DEMO_USERNAMES] } } });
    expect(users.map((u) => u.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(users.every((u) => u.role === u.username)).toBe(true);
    expect(await db.office.count({ where: { municipalityId, code: { in: ['HQ', 'EAST'] } } })).toBe(2);
    const policies = await db.policyVersion.findMany({ where: { municipality: { code: '999999' } } });
    expect(policies.map((p) => [p.version, p.policy])).toEqual([[1, DEFAULT_POLICY]]);

    const admin = await db.staffUser.findFirstOrThrow({ where: { municipalityId, username: 'admin' } });
    await db.staffUser.update({ where: { id: admin.id }, data: { passwordHash: await argon2.hash('the-real-admins-password'), displayName: '本物の管理者' } });
    await seedDemoData(db, 'second-password');
    const after = await db.staffUser.findFirstOrThrow({ where: { municipalityId, username: 'admin' } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(after.passwordHash, 'the-real-admins-password')).toBe(true);
    expect(await argon2.verify(after.passwordHash, 'second-password')).toBe(false);
    expect(after.displayName).toBe('本物の管理者');
  });
});
