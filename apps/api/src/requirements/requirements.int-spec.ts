import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient, policyColumn } from '@madoguchi/db';
import { DEFAULT_POLICY, japanDate, localize } from '@madoguchi/domain';
import request from 'supertest';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { asStaff, testMunicipality } from '../testing/municipality';
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

const post = (body: unknown) =>
  request(app.getHttpServer())
    .post('/api/requirements')
    .set('authorization', `Bearer ${clerk}`)
    .send(body as object);

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
      [1, ['agent_first_visit_id', 'holder_address_checked']],
      [2, ['sealed_reply_form', 'holder_card', 'holder_second_id', 'representative_ids', 'representative_current_address']],
    ]);
  });

  it('says what is missing and why a PIN is refused, in Japanese, as an answer (not an error)', async () => {
    const res = await post({ ...agentCase, pins: ['signature'], holder: { ...agentCase.holder, hasSignatureCertificate: false }, documents: [] }).expect(200);
    expect(res.body.readyToRegister).toBe(false);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        code: 'signature_no_certificate',
        path: 'pins',
        message: '署名用電子証明書が発行されていないため、署名用の暗証番号はありません。',
      }),
      expect.objectContaining({
        code: 'agent_first_visit_id_missing',
        path: 'documents.agent_first_visit_id',
        message: '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。',
      }),
    ]);
    // Each problem carries what the console needs to say it in English too.
    expect(localize(res.body.problems[1], 'en')).toBe('1 more ID document of the representative with a photo needed.');
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
        { path: 'holder.familyNameKana', code: 'kana_only', message: 'カタカナで入力してください。' },
        { path: 'holder.birthDate', code: 'date_malformed', message: '実在する日付を YYYY-MM-DD の形式で入力してください。' },
        { path: 'holder.postalCode', code: 'postal_code_malformed', message: '郵便番号は7桁の数字で入力してください。' },
        { path: '', code: 'unknown_fields', message: '使えない項目が含まれています。' },
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

  it("answers under the caller's own municipality's policy; another municipality's office is 404", async () => {
    const matsue = await testMunicipality(app, db, '322016');
    await db.policyVersion.create({
      data: { municipalityId: matsue.municipalityId, version: 2, policy: policyColumn({ ...DEFAULT_POLICY, legalRepresentativeAgeLimit: 18 }) },
    });

    const parentOf16 = {
      ...agentCase,
      route: 'legal_representative',
      representative: { ...agentCase.representative, kind: 'parent' },
      holder: { ...agentCase.holder, birthDate: '2010-06-01' },
    };
    const asMatsue = await asStaff(app, matsue.tokens.clerk)
      .post('/api/requirements', { ...parentOf16, officeId: matsue.officeId })
      .expect(200);
    expect(asMatsue.body.routeOpen).toBe(true);
    const underOwnOffice = await post(parentOf16).expect(200);
    expect(underOwnOffice.body.problems[0].code).toBe('holder_too_old_for_parent');
    // Matsue's policy is not another city's clerk's to read.
    expect((await post({ ...parentOf16, officeId: matsue.officeId }).expect(404)).body.code).toBe('office_not_found');
    await post({ ...agentCase, officeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });
});
