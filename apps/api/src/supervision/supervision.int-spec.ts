import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import type { Role } from '@madoguchi/domain';
import request from 'supertest';
import { hashPassword } from '../auth/passwords';
import { loginEveryRole, startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let tokens: Record<Role, string>;
let eastId: string;

beforeAll(async () => {
  app = await startTestApp();
  tokens = await loginEveryRole(app);
  // Its own office, so other test files' cases do not count here.
  const hq = await db.office.findFirstOrThrow({ where: { code: 'HQ' } });
  eastId = (
    await db.office.create({
      data: { code: 'SUPV', name: '監督テスト出張所', municipalityId: hq.municipalityId, postalCode: '100-0002', address: '見本市', phone: '0' },
    })
  ).id;
  await db.staffUser.create({
    data: { username: 'supv_clerk', displayName: '監督テスト', role: 'clerk', officeId: eastId, passwordHash: await hashPassword('supv-clerk-password') },
  });
  const clerk = (await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'supv_clerk', password: 'supv-clerk-password' })).body
    .accessToken as string;
  const agentCase = {
    route: 'voluntary_agent',
    reason: 'forgotten',
    pins: ['resident_registry'],
    holder: {
      familyName: '監督',
      givenName: '花子',
      familyNameKana: 'カントク',
      givenNameKana: 'ハナコ',
      birthDate: '1950-04-01',
      postalCode: '100-0001',
      address: '見本市',
      adultWard: false,
      hasSignatureCertificate: false,
    },
    representative: { kind: 'agent', familyName: '監督', givenName: '太郎', familyNameKana: 'カントク', givenNameKana: 'タロウ', birthDate: '1975-03-03' },
    documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
    attested: ['holder_address_checked'],
  };
  const ids: string[] = [];
  for (let i = 0; i < 3; i++)
    ids.push((await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${clerk}`).send(agentCase).expect(201)).body.id);
  // One registered 40 days ago and mailed, its reply now overdue; one 10 days ago; one today.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  await db.pinResetCase.update({ where: { id: ids[0] }, data: { createdAt: daysAgo(40), state: 'inquiry_mailed' } });
  await db.inquiryLetter.updateMany({ where: { caseId: ids[0] }, data: { status: 'mailed', mailedOn: daysAgo(39), replyDeadline: daysAgo(9) } });
  await db.pinResetCase.update({ where: { id: ids[1] }, data: { createdAt: daysAgo(10) } });
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

describe('GET /api/supervision/open-agent-cases', () => {
  it('counts open agent cases by state and age, with the overdue and the oldest first', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/supervision/open-agent-cases')
      .query({ officeId: eastId })
      .set('authorization', `Bearer ${tokens.supervisor}`)
      .expect(200);
    expect(res.body).toMatchObject({
      total: 3,
      byState: { received: 2, inquiry_mailed: 1, reply_returned: 0 },
      byAge: [
        { label: '7日以内', count: 1 },
        { label: '8〜14日', count: 1 },
        { label: '15〜30日', count: 0 },
        { label: '31〜60日', count: 1 },
        { label: '61日以上', count: 0 },
      ],
      overdue: 1,
    });
    expect(res.body.oldest.map((c: { ageDays: number; overdue: boolean }) => [c.ageDays, c.overdue])).toEqual([
      [40, true],
      [10, false],
      [0, false],
    ]);
  });

  it('is for supervisors and admins', async () => {
    await request(app.getHttpServer()).get('/api/supervision/open-agent-cases').set('authorization', `Bearer ${tokens.print_staff}`).expect(403);
    await request(app.getHttpServer())
      .get('/api/supervision/open-agent-cases')
      .query({ officeId: 'x' })
      .set('authorization', `Bearer ${tokens.admin}`)
      .expect(400);
  });
});

describe('GET /api/supervision/walk-ins-today', () => {
  it('counts today’s registrations per office and route, listing every office of the municipality', async () => {
    const res = await request(app.getHttpServer()).get('/api/supervision/walk-ins-today').set('authorization', `Bearer ${tokens.supervisor}`).expect(200);
    const offices = await db.office.findMany({ where: { municipality: { code: '999999' } } });
    expect(res.body.offices.map((o: { officeId: string }) => o.officeId).sort()).toEqual(offices.map((o) => o.id).sort());
    // Of the three cases of this file's office, one was registered today (the others were moved back in time).
    expect(res.body.offices.find((o: { officeId: string }) => o.officeId === eastId)).toEqual({
      officeId: eastId,
      officeName: '監督テスト出張所',
      total: 1,
      byRoute: { self: 0, legal_representative: 0, voluntary_agent: 1 },
    });
  });
});
