import type { Role } from '@madoguchi/domain';
import request from 'supertest';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { asStaff } from '../testing/municipality';
import { useTestCity } from '../testing/test-city';

/**
 * The API remembers a session once it has read it, and a request in a remembered session checks it
 * in front of its first statement instead of reading it in a round trip of its own. What changes a
 * session elsewhere — a logout in another API process, an administrator's change — is made here
 * straight in the database, as this process would see it: nothing of it had passed through here.
 */
const CODE = '991601';
const t = useTestCity(CODE);

/** A session just logged in, with one request made in it: the API has read it and remembers it. */
async function rememberedSession(role: Role) {
  const login = await request(t.app.getHttpServer())
    .post('/api/auth/login')
    .send({ username: `${role}_${CODE}`, password: `password-${CODE}` })
    .expect(200);
  const token = login.body.accessToken as string;
  const as = asStaff(t.app, token);
  await as.get('/api/auth/me').expect(200);
  const { sid } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sid: string };
  return { as, sessionId: sid, userId: login.body.user.id as string };
}

const casesOfTheCity = () => t.db.pinResetCase.count({ where: { officeId: t.city.officeId } });

describe('a session the API remembers, changed elsewhere', () => {
  it('logged out: its next list, its next registration (nothing written) and an answer that needs no statement are all 401', async () => {
    const { as, sessionId } = await rememberedSession('clerk');
    await as.get('/api/cases').expect(200);
    await t.db.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect((await as.get('/api/cases').expect(401)).body.code).toBe('unauthenticated');
    const before = await casesOfTheCity();
    expect((await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(401)).body.code).toBe('unauthenticated');
    expect(await casesOfTheCity()).toBe(before);
    await as.get('/api/auth/me').expect(401);
  });

  it('logged out: a move of a case (a transaction) is 401 and moves nothing; a list read through Prisma is 401', async () => {
    const { as, sessionId } = await rememberedSession('clerk');
    const created = await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    await t.db.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await as.post(`/api/cases/${created.body.id}/transitions`, { to: 'cancelled', version: created.body.version, reason: 'withdrawn' }).expect(401);
    expect((await t.db.pinResetCase.findUniqueOrThrow({ where: { id: created.body.id } })).state).toBe('received');
    await as.get('/api/offices').expect(401);
  });

  it('logged out: a change written through Prisma (new office hours) is 401 and changes nothing', async () => {
    const { as, sessionId } = await rememberedSession('admin');
    await as.get('/api/offices').expect(200);
    await t.db.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    const hoursNow = async () => (await t.db.office.findUniqueOrThrow({ where: { id: t.city.officeId } })).hours;
    const before = await hoursNow();
    const hours = { weekly: { '1': { opens: '08:30', closes: '17:15' } }, specialOpenings: [] };
    await as.put(`/api/offices/${t.city.officeId}/hours`, hours).expect(401);
    expect(await hoursNow()).toEqual(before);
  });

  it('logged out after a request that made no statement: the next is 401 too', async () => {
    const { as, sessionId } = await rememberedSession('clerk');
    await t.db.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect((await as.get('/api/auth/me').expect(401)).body.code).toBe('unauthenticated');
    await as.get('/api/cases').expect(401);
  });

  it('its user deactivated: 401, and a registration writes nothing', async () => {
    const { as, userId } = await rememberedSession('admin');
    await as.get('/api/cases').expect(200);
    await t.db.staffUser.update({ where: { id: userId }, data: { active: false } });
    try {
      const before = await casesOfTheCity();
      await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(401);
      expect(await casesOfTheCity()).toBe(before);
    } finally {
      await t.db.staffUser.update({ where: { id: userId }, data: { active: true } });
    }
  });

  it('its user given another role: each request runs as the role is now — 403 where the route no longer allows it (nothing written), answered as the new role where it does', async () => {
    const { as, userId } = await rememberedSession('supervisor');
    await as.get('/api/cases').expect(200);
    await t.db.staffUser.update({ where: { id: userId }, data: { role: 'print_staff' } });
    try {
      const before = await casesOfTheCity();
      expect((await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(403)).body.code).toBe('forbidden');
      expect(await casesOfTheCity()).toBe(before);
      expect((await as.get('/api/auth/me').expect(200)).body.role).toBe('print_staff');
    } finally {
      await t.db.staffUser.update({ where: { id: userId }, data: { role: 'supervisor' } });
    }
  });

  it('its user given a role the route allows where the remembered one did not: answered as the new role', async () => {
    const { as, userId } = await rememberedSession('print_staff');
    await t.db.staffUser.update({ where: { id: userId }, data: { role: 'clerk' } });
    try {
      expect((await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(201)).body.state).toBe('received');
    } finally {
      await t.db.staffUser.update({ where: { id: userId }, data: { role: 'print_staff' } });
    }
  });

  it('its municipality given another office: a list of that office, refused before, is answered — the request ran again with the offices as they are now', async () => {
    const { as } = await rememberedSession('clerk');
    await as.get('/api/cases').expect(200);
    const office = await t.db.office.create({
      data: {
        code: 'NEW',
        name: '新しい出張所',
        municipalityId: t.city.municipalityId,
        postalCode: '100-0003',
        address: '試験県試験市本町2-2',
        phone: '0120-000-004',
      },
    });
    const list = await as.get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ officeId: office.id }))}`).expect(200);
    expect(list.body).toEqual([]);
  });

  it('unchanged: its requests are answered as before, a registration with them', async () => {
    const { as } = await rememberedSession('clerk');
    const created = await as.post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect((await as.get(`/api/cases/${created.body.id}`).expect(200)).body.receiptNumber).toBe(created.body.receiptNumber);
  });
});
