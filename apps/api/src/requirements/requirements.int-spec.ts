import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { DEFAULT_POLICY, japanDate } from '@madoguchi/domain';
import request from 'supertest';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { loginEveryRole, startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let clerk: string;

beforeAll(async () => {
  app = await startTestApp();
  clerk = (await loginEveryRole(app)).clerk;
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const agentCase = { ...EXAMPLE_AGENT_CASE, on: '2026-11-24' };

const post = (body: unknown) => request(app.getHttpServer()).post('/api/requirements').set('authorization', `Bearer ${clerk}`).send(body as object);

describe('POST /api/requirements', () => {
  it('answers for the example case of the contract, under the policy of the clerk’s office', async () => {
    const res = await post(agentCase).expect(200);
    const current = await db.policyVersion.findFirstOrThrow({ where: { municipality: { code: '999999' } }, orderBy: { version: 'desc' } });
    expect(res.body).toMatchObject({
      on: '2026-11-24',
      policyVersion: current.version,
      holderAge: 76,
      routeOpen: true,
      completesSameDay: false,
      readyToRegister: true,
      problems: [],
      alternatives: [],
    });
    expect(res.body.visits.map((v: { visit: number; checklist: { id: string }[] }) => [v.visit, v.checklist.map((l) => l.id)])).toEqual([
      [1, ['agent_first_visit_id']],
      [2, ['sealed_reply_form', 'holder_card', 'holder_second_id', 'representative_ids']],
    ]);
  });

  it('says what is missing and why a PIN is refused, in Japanese, as an answer (not an error)', async () => {
    const res = await post({ ...agentCase, pins: ['signature'], holder: { ...agentCase.holder, hasSignatureCertificate: false }, documents: [] }).expect(200);
    expect(res.body.readyToRegister).toBe(false);
    expect(res.body.problems).toEqual([
      { code: 'signature_no_certificate', path: 'pins', message: '署名用電子証明書が発行されていないため、署名用の暗証番号はありません。' },
      { code: 'agent_first_visit_id_missing', path: 'documents.agent_first_visit_id', message: '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。' },
    ]);
  });

  it('uses today in Japan when no date is given', async () => {
    const { on, ...withoutDate } = agentCase;
    expect(on).toBeDefined();
    const res = await post(withoutDate).expect(200);
    expect(res.body.on).toBe(japanDate(new Date()));
  });

  it('refuses a malformed body with every offending field and changes nothing', async () => {
    const before = await db.pinResetCase.count();
    const res = await post({
      ...agentCase,
      pins: ['user_auth', 'everything'],
      holder: { ...agentCase.holder, birthDate: '1950-02-30', familyNameKana: 'こうとう', postalCode: '135-83' },
      newPin: '4321',
    }).expect(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toBe('入力内容に誤りがあります。');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'pins.1', code: 'invalid_value', message: '選択肢から選んでください。' },
        { path: 'holder.familyNameKana', code: 'invalid_format', message: 'カタカナで入力してください。' },
        { path: 'holder.birthDate', code: 'custom', message: '実在する日付を YYYY-MM-DD の形式で入力してください。' },
        { path: 'holder.postalCode', code: 'invalid_format', message: '郵便番号は7桁の数字で入力してください。' },
        { path: '', code: 'unrecognized_keys', message: '使えない項目が含まれています（newPin）。' },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toContain('4321');
    expect(await db.pinResetCase.count()).toBe(before);
  });

  it.each([null, [], 'text', 42])('refuses a body that is not an object: %p', async (body) => {
    const res = await request(app.getHttpServer())
      .post('/api/requirements')
      .set('authorization', `Bearer ${clerk}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body))
      .expect(400);
    expect(res.body.code).toMatch(/^(invalid_request|bad_request)$/);
  });

  it('answers under the policy of the office named, the caller’s by default', async () => {
    const matsue = await db.municipality.create({ data: { code: '322016', name: '松江市' } });
    await db.policyVersion.create({ data: { municipalityId: matsue.id, version: 1, policy: { ...DEFAULT_POLICY, legalRepresentativeAgeLimit: 18 } } });
    const office = await db.office.create({ data: { code: 'MATSUE', name: '松江市役所', municipalityId: matsue.id, postalCode: '690-8540', address: '島根県松江市末次町86', phone: '0852-55-5555' } });

    const parentOf16 = { ...agentCase, route: 'legal_representative', representative: { ...agentCase.representative, kind: 'parent' }, holder: { ...agentCase.holder, birthDate: '2010-06-01' } };
    const underMatsue = await post({ ...parentOf16, officeId: office.id }).expect(200);
    expect(underMatsue.body.routeOpen).toBe(true);
    const underOwnOffice = await post(parentOf16).expect(200);
    expect(underOwnOffice.body.problems[0].code).toBe('holder_too_old_for_parent');
    await post({ ...agentCase, officeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });
});
