import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { DEFAULT_OFFICE_HOURS, type Role } from '@madoguchi/domain';
import request from 'supertest';
import { loginEveryRole, startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let tokens: Record<Role, string>;
beforeAll(async () => {
  app = await startTestApp();
  tokens = await loginEveryRole(app);
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});
const as = (role: Role) => ({
  get: (url: string) => request(app.getHttpServer()).get(url).set('authorization', `Bearer ${tokens[role]}`),
  put: (url: string, body: object) => request(app.getHttpServer()).put(url).set('authorization', `Bearer ${tokens[role]}`).send(body),
});

describe('offices', () => {
  it('lists the municipality’s counters with their hours (the default when none are set)', async () => {
    const res = await as('clerk').get('/api/offices').expect(200);
    const codes = res.body.map((o: { code: string }) => o.code) as string[];
    expect(codes).toEqual(expect.arrayContaining(['EAST', 'HQ']));
    expect(codes).toEqual([...codes].sort());
    expect(res.body.find((o: { code: string }) => o.code === 'EAST').hours).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('an admin sets hours; invalid hours are refused with the field', async () => {
    const hq = await db.office.findFirstOrThrow({ where: { code: 'HQ' } });
    const hours = {
      weekly: { '1': { opens: '08:30', closes: '17:15' }, '3': { opens: '08:30', closes: '19:30' } },
      specialOpenings: [{ date: '2027-03-28', opens: '09:00', closes: '12:00' }],
    };
    expect((await as('admin').put(`/api/offices/${hq.id}/hours`, hours).expect(200)).body.hours).toEqual(hours);
    const bad = await as('admin')
      .put(`/api/offices/${hq.id}/hours`, { weekly: { '1': { opens: '17:00', closes: '08:30' } } })
      .expect(422);
    expect(bad.body.details).toEqual([{ path: 'hours.weekly.1', code: 'hours_closes_before_opens', message: '終了時刻は開始時刻より後にしてください。' }]);
    await as('clerk').put(`/api/offices/${hq.id}/hours`, hours).expect(403);
    await as('admin').put('/api/offices/00000000-0000-4000-8000-000000000000/hours', hours).expect(404);
  });
});
