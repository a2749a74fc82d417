import type { INestApplication } from '@nestjs/common';
import { policyColumn, type Database } from '@madoguchi/db';
import { DEFAULT_POLICY, ROLE, type Role } from '@madoguchi/domain';
import request from 'supertest';
import { hashPassword } from '../auth/passwords';

export interface TestMunicipality {
  municipalityId: string;
  officeId: string;
  tokens: Record<Role, string>;
}

/**
 * A municipality of its own for one test file, with an office and one logged-in user per role:
 * lists and counts then show only what that file made, whatever other files left in the run's
 * database.
 */
export async function testMunicipality(app: INestApplication, db: Database, code: string): Promise<TestMunicipality> {
  const municipality = await db.municipality.create({ data: { code, name: `試験市${code}` } });
  await db.policyVersion.create({ data: { municipalityId: municipality.id, version: 1, policy: policyColumn(DEFAULT_POLICY) } });
  const office = await db.office.create({
    data: {
      code: `T${code}`,
      name: `試験市${code} 市民課`,
      municipalityId: municipality.id,
      postalCode: '100-0003',
      address: '試験県試験市本町1-1',
      phone: '0120-000-003',
    },
  });
  const password = `password-${code}`;
  const passwordHash = await hashPassword(password);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLE.values) {
    const username = `${role}_${code}`;
    await db.staffUser.create({ data: { username, displayName: `${role} ${code}`, role, officeId: office.id, passwordHash } });
    tokens[role] = (await request(app.getHttpServer()).post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken as string;
  }
  return { municipalityId: municipality.id, officeId: office.id, tokens };
}

/** Requests to the API as one member of staff (a bearer token). */
export function asStaff(app: INestApplication, token: string) {
  const server = app.getHttpServer();
  return {
    get: (path: string) => request(server).get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(server).post(path).set('authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object = {}) => request(server).put(path).set('authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object = {}) => request(server).patch(path).set('authorization', `Bearer ${token}`).send(body),
  };
}
