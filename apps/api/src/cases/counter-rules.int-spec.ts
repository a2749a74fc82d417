import { dateColumn } from '@madoguchi/db';
import { addDays, checkCodeFor, DEFAULT_POLICY, japanDate } from '@madoguchi/domain';
import { hmacAuthenticator } from '@madoguchi/platform';
import request from 'supertest';
import { hashPassword } from '../auth/passwords';
import { EXAMPLE_AGENT_CASE, EXAMPLE_SECOND_VISIT, EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { asStaff } from '../testing/municipality';
import { TEST_LETTER_SECRET } from '../testing/test-app';
import { useTestCity } from '../testing/test-city';

/**
 * The counter's rules as the cities wrote them (the rules issue), through the API: what the clerk
 * types is refused or taken as the seeds say, with the field each refusal concerns.
 */
const t = useTestCity('990713');
const { db } = t;
const as = t.as;
const mac = hmacAuthenticator(TEST_LETTER_SECRET);
const codesOf = (body: { details: { path?: string; code: string }[] }) => body.details.map((d) => `${d.path ?? ''}:${d.code}`);

const { documents: visit2, attested } = EXAMPLE_SECOND_VISIT;

/** An agent case registered at the city's office, its letter mailed today: ready for visit 2. */
async function mailedAgentCase(): Promise<{ id: string; version: number; reply: { inquiryNumber: string; checkCode: string } }> {
  const c = (await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201)).body as { id: string; letters: { id: string; inquiryNumber: string }[] };
  const today = japanDate(new Date());
  await db.$transaction([
    db.inquiryLetter.update({
      where: { id: c.letters[0]!.id },
      data: { status: 'mailed', issuedOn: dateColumn(today), mailedOn: dateColumn(today), replyDeadline: dateColumn(addDays(today, 30)) },
    }),
    db.pinResetCase.update({ where: { id: c.id }, data: { state: 'inquiry_mailed', version: { increment: 1 } } }),
  ]);
  const inquiryNumber = c.letters[0]!.inquiryNumber;
  return { id: c.id, version: 2, reply: { inquiryNumber, checkCode: checkCodeFor(inquiryNumber, mac) } };
}

/** A second office of the city, with a clerk of its own logged in. */
async function branchClerk(): Promise<ReturnType<typeof asStaff>> {
  const office = await db.office.create({
    data: {
      code: 'T990713B',
      name: '試験市 北支所',
      municipalityId: t.city.municipalityId,
      postalCode: '100-0004',
      address: '試験県試験市北町1-1',
      phone: '0120-000-004',
    },
  });
  const password = 'password-branch-990713';
  await db.staffUser.create({
    data: { username: 'clerk_branch_990713', displayName: '支所 一郎', role: 'clerk', officeId: office.id, passwordHash: await hashPassword(password) },
  });
  const login = await request(t.app.getHttpServer()).post('/api/auth/login').send({ username: 'clerk_branch_990713', password }).expect(200);
  return asStaff(t.app, login.body.accessToken as string);
}

describe("the holder's card and the 健康保険証 (points 3 and 7)", () => {
  it("refuses a holder's card without its expiry, saying so at the card's line and at the document", async () => {
    const answer = (
      await as('clerk')
        .post('/api/requirements', {
          ...EXAMPLE_SELF_CASE,
          documents: [
            { presentedBy: 'holder', type: 'my_number_card' },
            { presentedBy: 'holder', type: 'qualification_certificate' },
          ],
        })
        .expect(200)
    ).body as { readyToRegister: boolean; unusableDocuments: { index: number; problem: { code: string } }[] };
    expect(answer.readyToRegister).toBe(false);
    expect(answer.unusableDocuments).toEqual([expect.objectContaining({ index: 0, problem: expect.objectContaining({ code: 'card_expiry_missing' }) })]);
    const refused = await as('clerk')
      .post('/api/cases', { ...EXAMPLE_SELF_CASE, documents: [{ presentedBy: 'holder', type: 'my_number_card' }, EXAMPLE_SELF_CASE.documents[1]] })
      .expect(422);
    expect(codesOf(refused.body)).toEqual(['documents.holder_card:holder_card_missing']);
  });

  it('counts a 健康保険証 for nothing after the policy’s last day, and the 資格確認書 in its place', async () => {
    const withInsurance = { ...EXAMPLE_SELF_CASE, documents: [EXAMPLE_SELF_CASE.documents[0], { presentedBy: 'holder', type: 'health_insurance_card' }] };
    const answer = (await as('clerk').post('/api/requirements', withInsurance).expect(200)).body as {
      unusableDocuments: { index: number; problem: { code: string; message: string } }[];
    };
    expect(answer.unusableDocuments).toEqual([
      expect.objectContaining({
        index: 1,
        problem: expect.objectContaining({ code: 'health_insurance_card_ended', message: expect.stringContaining('令和7年12月1日') }),
      }),
    ]);
    expect(codesOf((await as('clerk').post('/api/cases', withInsurance).expect(422)).body)).toEqual(['documents.holder_second_id:holder_second_id_missing']);
    await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201);
  });
});

describe('visit 2: the same agent, at the counter where they applied (point 6)', () => {
  it("needs the agent's birth date at visit 1, and shows it on the case", async () => {
    const { birthDate: _left, ...noBirthDate } = EXAMPLE_AGENT_CASE.representative;
    const refused = await as('clerk')
      .post('/api/cases', { ...EXAMPLE_AGENT_CASE, representative: noBirthDate })
      .expect(422);
    expect(codesOf(refused.body)).toEqual(['representative.birthDate:agent_birth_date_required']);
    const future = await as('clerk')
      .post('/api/cases', { ...EXAMPLE_AGENT_CASE, representative: { ...EXAMPLE_AGENT_CASE.representative, birthDate: '2099-01-01' } })
      .expect(422);
    expect(codesOf(future.body)).toEqual(['representative.birthDate:agent_birth_date_in_future']);
    const made = await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect(made.body.representative).toMatchObject({ kind: 'agent', birthDate: '1975-03-03' });
  });

  it('takes the reply only once the clerk confirms the agent; the confirmation belongs to that move alone', async () => {
    const c = await mailedAgentCase();
    const move = (body: object) =>
      as('clerk').post(`/api/cases/${c.id}/transitions`, { to: 'reply_returned', version: c.version, reply: c.reply, documents: visit2, attested, ...body });
    expect(codesOf((await move({}).expect(422)).body)).toEqual(['agentConfirmed:agent_not_confirmed']);
    expect(codesOf((await move({ agentConfirmed: false }).expect(422)).body)).toEqual(['agentConfirmed:agent_not_confirmed']);
    expect((await db.pinResetCase.findUniqueOrThrow({ where: { id: c.id } })).state).toBe('inquiry_mailed');
    const taken = await move({ agentConfirmed: true }).expect(200);
    expect(taken.body.state).toBe('reply_returned');
    const done = await as('clerk').post(`/api/cases/${c.id}/transitions`, { to: 'completed', version: 3, agentConfirmed: true }).expect(422);
    expect(codesOf(done.body)).toEqual(['agentConfirmed:agent_confirmation_not_expected']);
  });

  it('keeps a case registered before the agent birth date was asked valid: the desk reads "not recorded" (null)', async () => {
    const c = await mailedAgentCase();
    await db.party.updateMany({ where: { caseId: c.id, role: 'representative' }, data: { birthDate: null } });
    const match = await as('clerk').post('/api/replies/lookup', c.reply).expect(200);
    expect(match.body).toMatchObject({ caseId: c.id, agentBirthDate: null, officeName: '試験市990713 市民課' });
    await as('clerk')
      .post(`/api/cases/${c.id}/transitions`, { to: 'reply_returned', version: c.version, reply: c.reply, documents: visit2, attested, agentConfirmed: true })
      .expect(200);
  });

  it('refuses the reply at another office, naming the one where the case was made, unless the policy allows any counter', async () => {
    const branch = await branchClerk();
    const c = await mailedAgentCase();
    const body = { to: 'reply_returned', version: c.version, reply: c.reply, documents: visit2, attested, agentConfirmed: true };
    const elsewhere = await branch.post(`/api/cases/${c.id}/transitions`, body).expect(422);
    expect(codesOf(elsewhere.body)).toEqual(['to:reply_at_registering_office']);
    expect(elsewhere.body.details[0].message).toContain('試験市990713 市民課');

    // A city whose policy lets any counter take replies: cases registered under it may go to the branch.
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, repliesAtRegisteringOffice: false })
      .expect(200);
    try {
      const anywhere = await mailedAgentCase();
      await branch.post(`/api/cases/${anywhere.id}/transitions`, { ...body, version: anywhere.version, reply: anywhere.reply }).expect(200);
      // The earlier case keeps the policy it was registered under.
      expect(codesOf((await branch.post(`/api/cases/${c.id}/transitions`, body).expect(422)).body)).toEqual(['to:reply_at_registering_office']);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });
});

describe("each city's lists, as policy data (point 8)", () => {
  const child = { ...EXAMPLE_SELF_CASE.holder, birthDate: '2016-05-05' };
  const parentCase = {
    ...EXAMPLE_SELF_CASE,
    route: 'legal_representative',
    holder: child,
    representative: { kind: 'parent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ' },
    documents: [
      EXAMPLE_SELF_CASE.documents[0],
      { presentedBy: 'holder', type: 'maternal_child_handbook' },
      { presentedBy: 'representative', type: 'relationship_proof', issuedOn: japanDate(new Date()) },
      { presentedBy: 'representative', type: 'drivers_license', expiresOn: '2099-01-01' },
      { presentedBy: 'representative', type: 'qualification_certificate' },
    ],
  };

  it('decides a registration under the policy in force, though this process last read an older one (stricter, then laxer)', async () => {
    const latestVersion = async () =>
      (await db.policyVersion.findFirstOrThrow({ where: { municipalityId: t.city.municipalityId }, orderBy: { version: 'desc' } })).version;
    // Registered under the policy as it is: the API has read it, and remembers it.
    await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    try {
      await as('admin')
        .put('/api/policy', { ...DEFAULT_POLICY, residentRegister: 'required' })
        .expect(200);
      const refused = await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(422);
      expect(codesOf(refused.body)).toEqual(['holder.residentId:holder_resident_required']);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
    // Refused under the stricter one just now; the laxer one is in force again, and takes the same case.
    const made = await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect(made.body.policyVersion).toBe(await latestVersion());
  });

  it('offers four presets read from the seeds, each citing its page; applying one is a normal policy change', async () => {
    await as('clerk').get('/api/policy/presets').expect(403);
    const presets = (await as('admin').get('/api/policy/presets').expect(200)).body as { id: string; source: { seed: string }; policy: object }[];
    expect(presets.map((p) => [p.id, p.source.seed])).toEqual([
      ['nishinomiya', '000'],
      ['koto', '002'],
      ['kasugai', '003'],
      ['matsue', '004'],
    ]);
    // No resident register connected here: the clerk checks a typed address against the 住民票.
    expect(presets.map((p) => (p.policy as { residentRegister: string }).residentRegister)).toEqual(['manual', 'manual', 'manual', 'manual']);
    const matsue = presets.find((p) => p.id === 'matsue')!;
    try {
      const applied = await as('admin').put('/api/policy', matsue.policy).expect(200);
      expect(applied.body.policy).toEqual(matsue.policy);
      // Matsue: the parent of a 17-year-old, with the card and one photo ID, no proof of parenthood.
      const seventeen = { ...parentCase, holder: { ...child, birthDate: '2009-06-01' }, documents: [EXAMPLE_SELF_CASE.documents[0], parentCase.documents[3]] };
      const made = await as('clerk').post('/api/cases', seventeen).expect(201);
      expect(made.body.route).toBe('legal_representative');
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });

  it("a parent's IDs must show the current address (ticked), and a foreign resident proves the relation with its own document", async () => {
    const unticked = await as('clerk').post('/api/cases', parentCase).expect(422);
    expect(codesOf(unticked.body)).toEqual(['documents.representative_current_address:representative_current_address_missing']);
    const made = await as('clerk')
      .post('/api/cases', { ...parentCase, attested })
      .expect(201);
    expect(made.body.documents.map((d: { type: string }) => d.type)).toContain('relationship_proof');
  });

  it("Koto's waiver needs the same 本籍・筆頭者 beside the household; Nishinomiya's does not", async () => {
    const noProof = { ...parentCase, attested, documents: parentCase.documents.filter((d) => d?.type !== 'relationship_proof') };
    const household = { sameHouseholdParentChild: true, familyRegisterInCity: false };
    await as('clerk')
      .post('/api/cases', { ...noProof, waivers: household })
      .expect(201);
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, parentProofWaiver: 'household_same_register_or_register_in_city' })
      .expect(200);
    try {
      expect(
        codesOf(
          (
            await as('clerk')
              .post('/api/cases', { ...noProof, waivers: household })
              .expect(422)
          ).body,
        ),
      ).toEqual(['documents.representation_proof:representation_proof_missing']);
      await as('clerk')
        .post('/api/cases', { ...noProof, waivers: { ...household, sameFamilyRegister: true } })
        .expect(201);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });
});

describe('the calendar (point 9)', () => {
  it("keeps an office's lunch closure, its closed third Sunday and closed dates; refuses them malformed", async () => {
    const hours = {
      weekly: { '0': { opens: '08:30', closes: '17:00', lunch: { from: '12:00', to: '13:00' } }, '1': { opens: '08:30', closes: '17:00' } },
      closedNthWeekdays: [{ weekday: 0, nth: 3 }],
      closedDates: ['2027-03-01'],
    };
    expect((await as('admin').put(`/api/offices/${t.city.officeId}/hours`, hours).expect(200)).body.hours).toEqual(hours);
    const bad = await as('admin')
      .put(`/api/offices/${t.city.officeId}/hours`, { ...hours, closedNthWeekdays: [{ weekday: 0, nth: 6 }] })
      .expect(422);
    expect(codesOf(bad.body)).toEqual(['hours.closedNthWeekdays.0:hours_invalid_nth_weekday']);
  });

  it('keeps the national system closures in the policy, and refuses a malformed one', async () => {
    const closures = [{ date: '2027-01-10' }, { date: '2027-01-17', from: '17:00', to: '21:00' }];
    try {
      const saved = await as('admin')
        .put('/api/policy', { ...DEFAULT_POLICY, nationalSystemClosures: closures })
        .expect(200);
      expect(saved.body.policy.nationalSystemClosures).toEqual(closures);
      const bad = await as('admin')
        .put('/api/policy', { ...DEFAULT_POLICY, nationalSystemClosures: [{ date: '2027-01-10', from: '21:00', to: '17:00' }] })
        .expect(422);
      expect(codesOf(bad.body)).toEqual(['nationalSystemClosures:policy_closures']);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });
});

describe('certificates with lives of their own (point 4)', () => {
  const withUserAuth = (facts: object) => ({ ...EXAMPLE_SELF_CASE, pins: ['user_auth'], holder: { ...EXAMPLE_SELF_CASE.holder, ...facts } });

  it('refuses to reset the PIN of an expired certificate, saying it is issued anew', async () => {
    const res = await as('clerk')
      .post('/api/cases', withUserAuth({ userAuthCertificateExpiresOn: '2020-01-01' }))
      .expect(422);
    expect(codesOf(res.body)).toEqual(['pins:certificate_expired_issue_anew']);
    expect(res.body.details[0].message).toContain('新規発行');
  });

  it('inside the renewal window, answers both steps and registers the reset, keeping the dates on the case', async () => {
    const expiresOn = addDays(japanDate(new Date()), 30);
    const body = withUserAuth({ userAuthCertificateExpiresOn: expiresOn, hasUserAuthCertificate: true });
    const answer = (await as('clerk').post('/api/requirements', body).expect(200)).body as { pins: { pin: string; steps: { ja: string }[] }[] };
    expect(answer.pins[0]!.steps.map((s) => s.ja)).toEqual(['暗証番号の再設定', '電子証明書の更新（再設定のあと、続けて行います）']);
    const made = await as('clerk').post('/api/cases', body).expect(201);
    expect(made.body.holder).toMatchObject({ hasUserAuthCertificate: true, userAuthCertificateExpiresOn: expiresOn, signatureCertificateExpiresOn: null });
  });

  it('knows a card without a user-authentication certificate, and a signature certificate lapsed by a change of address', async () => {
    expect(
      codesOf(
        (
          await as('clerk')
            .post('/api/cases', withUserAuth({ hasUserAuthCertificate: false }))
            .expect(422)
        ).body,
      ),
    ).toEqual(['pins:user_auth_no_certificate']);
    const signature = { ...EXAMPLE_SELF_CASE, pins: ['signature'], holder: { ...EXAMPLE_SELF_CASE.holder, basicInfoChanged: true } };
    expect(codesOf((await as('clerk').post('/api/cases', signature).expect(422)).body)).toEqual(['pins:signature_lapsed_issue_anew']);
  });
});
