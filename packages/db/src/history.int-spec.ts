import { createDatabaseClient } from './client';
import { seedDemoData } from './seed';

const db = createDatabaseClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

describe('case_history', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await seedDemoData(db, 'pw');
    const clerk = await db.staffUser.findFirstOrThrow({
      where: { username: 'clerk', office: { municipality: { code: '999999' } } },
      include: { office: true },
    });
    const policy = await db.policyVersion.findFirstOrThrow({ where: { municipalityId: clerk.office.municipalityId } });
    const created = await db.pinResetCase.create({
      data: {
        receiptNumber: 'HIST-0001',
        officeId: clerk.officeId,
        route: 'self',
        reason: 'forgotten',
        pins: ['user_auth'],
        createdById: clerk.id,
        policyVersionId: policy.id,
        history: { create: { toState: 'received', actorId: clerk.id } },
      },
      include: { history: true },
    });
    const entry = created.history[0]!;
    await expect(db.caseHistory.update({ where: { id: entry.id }, data: { note: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(db.caseHistory.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE case_history CASCADE')).rejects.toThrow(/append-only/);
    expect(await db.caseHistory.count({ where: { caseId: created.id } })).toBe(1);
  });
});
