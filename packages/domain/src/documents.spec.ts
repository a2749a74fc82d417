import { DOCUMENT_TYPE } from './codes';
import {
  checkDocuments,
  documentCategory,
  DOCUMENT_CATEGORY,
  DOCUMENT_TYPES_AS_OFFERED,
  requiredDocuments,
  unusableReason,
  type AttestationId,
  type PresentedDocument,
} from './documents';
import { DEFAULT_POLICY, type MunicipalityPolicy } from './policy';
import { localize } from './refusals';

const ON = '2026-11-24';
const card: PresentedDocument = { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-01-01' };
const holderLicence: PresentedDocument = { presentedBy: 'holder', type: 'drivers_license', expiresOn: '2028-01-01' };
const holderQualification: PresentedDocument = { presentedBy: 'holder', type: 'qualification_certificate' };
const repLicence: PresentedDocument = { presentedBy: 'representative', type: 'drivers_license', expiresOn: '2029-05-01' };
const repPassport: PresentedDocument = { presentedBy: 'representative', type: 'passport', expiresOn: '2031-01-01' };
const repQualification: PresentedDocument = { presentedBy: 'representative', type: 'qualification_certificate' };
const repPension: PresentedDocument = { presentedBy: 'representative', type: 'pension_book' };
const familyRegister: PresentedDocument = { presentedBy: 'representative', type: 'family_register_copy', issuedOn: '2026-10-01' };

/** The checklist checked; the lines the clerk ticks ticked unless `attested` says otherwise. */
function check(
  docs: PresentedDocument[],
  ctx: Parameters<typeof requiredDocuments>[0],
  policy: MunicipalityPolicy = DEFAULT_POLICY,
  attested: AttestationId[] = ['representative_current_address', 'holder_address_checked'],
) {
  return checkDocuments(requiredDocuments(ctx, policy), docs, ON, policy, attested);
}
const missingCodes = (result: ReturnType<typeof check>) => result.results.filter((r) => !r.satisfied).map((r) => r.missing!.code);

describe('categories', () => {
  it('place every document type', () => {
    expect(Object.keys(DOCUMENT_CATEGORY).sort()).toEqual([...DOCUMENT_TYPE.values].sort());
  });

  it.each([
    ['2012-04-01', 'A'],
    ['2020-01-01', 'A'],
    ['2012-03-31', 'B'],
    [null, 'B'],
  ])('a driving-history certificate issued %s is category %s', (issuedOn, category) => {
    expect(documentCategory({ type: 'driving_history_certificate', issuedOn })).toBe(category);
  });

  it("counts a representative's own マイナンバーカード as their photo ID (category A), the holder's as the card", () => {
    expect(documentCategory({ type: 'my_number_card', issuedOn: null, presentedBy: 'representative' })).toBe('A');
    expect(documentCategory({ type: 'my_number_card', issuedOn: null, presentedBy: 'holder' })).toBe('card');
    const agentVisit1 = requiredDocuments({ route: 'voluntary_agent', visit: 1, representativeKind: 'agent' }, DEFAULT_POLICY);
    const withCard = checkDocuments(agentVisit1, [{ presentedBy: 'representative', type: 'my_number_card', expiresOn: '2030-01-01' }], ON, DEFAULT_POLICY);
    expect(withCard.results.find((r) => r.requirement.id === 'agent_first_visit_id')!.satisfied).toBe(true);
  });
});

describe('validity on the date', () => {
  it('an expired ID, or one dated in the future, does not count', () => {
    expect(unusableReason({ ...holderLicence, expiresOn: '2026-11-23' }, ON, DEFAULT_POLICY)?.code).toBe('document_expired');
    expect(unusableReason({ ...holderLicence, expiresOn: ON }, ON, DEFAULT_POLICY)).toBeUndefined();
    expect(unusableReason({ ...holderLicence, issuedOn: '2026-11-25' }, ON, DEFAULT_POLICY)?.code).toBe('document_issued_in_future');
  });

  it('a proof of representation must be issued within the policy’s months, and dated', () => {
    expect(unusableReason({ ...familyRegister, issuedOn: '2026-08-24' }, ON, DEFAULT_POLICY)).toBeUndefined();
    expect(unusableReason({ ...familyRegister, issuedOn: '2026-08-23' }, ON, DEFAULT_POLICY)?.code).toBe('proof_too_old');
    expect(unusableReason({ ...familyRegister, issuedOn: '2026-08-23' }, ON, { ...DEFAULT_POLICY, representationProofMaxAgeMonths: 6 })).toBeUndefined();
    expect(unusableReason({ ...familyRegister, issuedOn: null }, ON, DEFAULT_POLICY)?.code).toBe('proof_issue_date_missing');
  });

  it("the holder's card counts only with its expiry given, and within it (002: 有効期限内); a representative's card is an ID like any other", () => {
    const { expiresOn: _none, ...undated } = card;
    expect(unusableReason(undated, ON, DEFAULT_POLICY)?.code).toBe('card_expiry_missing');
    expect(unusableReason({ ...card, expiresOn: '' }, ON, DEFAULT_POLICY)?.code).toBe('card_expiry_missing');
    expect(unusableReason({ ...card, expiresOn: '2026-11-23' }, ON, DEFAULT_POLICY)?.code).toBe('document_expired');
    expect(unusableReason({ ...card, expiresOn: ON }, ON, DEFAULT_POLICY)).toBeUndefined();
    expect(unusableReason({ presentedBy: 'representative', type: 'my_number_card' }, ON, DEFAULT_POLICY)).toBeUndefined();
    const result = check([undated, holderLicence], { route: 'self', visit: 1 });
    expect(missingCodes(result)).toEqual(['holder_card_missing']);
    expect(result.unusable).toEqual([{ index: 0, type: 'my_number_card', problem: expect.objectContaining({ code: 'card_expiry_missing' }) }]);
  });

  it('a 健康保険証 counts up to the policy’s last day (2025-12-01 by default), then for nothing, saying why; the 資格確認書 goes on counting', () => {
    const insurance: PresentedDocument = { presentedBy: 'holder', type: 'health_insurance_card' };
    expect(DEFAULT_POLICY.healthInsuranceCardLastDay).toBe('2025-12-01');
    expect(unusableReason(insurance, '2025-12-01', DEFAULT_POLICY)).toBeUndefined();
    const ended = unusableReason(insurance, '2025-12-02', DEFAULT_POLICY);
    expect(ended?.code).toBe('health_insurance_card_ended');
    expect(ended?.message).toContain('令和7年12月1日');
    expect(localize(ended!, 'en')).toContain('2025');
    expect(unusableReason(insurance, ON, { ...DEFAULT_POLICY, healthInsuranceCardLastDay: '2026-12-01' })).toBeUndefined();
    expect(unusableReason(holderQualification, ON, DEFAULT_POLICY)).toBeUndefined();
    expect(check([card, insurance], { route: 'self', visit: 1 }).satisfied).toBe(false);
    expect(check([card, holderQualification], { route: 'self', visit: 1 }).satisfied).toBe(true);
  });

  it('the form offers every type once: the card first, then photo IDs, the 資格確認書 before the other IDs and the 健康保険証 after them', () => {
    expect([...DOCUMENT_TYPES_AS_OFFERED].sort()).toEqual([...DOCUMENT_TYPE.values].sort());
    expect(DOCUMENT_TYPES_AS_OFFERED[0]).toBe('my_number_card');
    const categoryB = DOCUMENT_TYPES_AS_OFFERED.filter((t) => DOCUMENT_CATEGORY[t] === 'B');
    expect(categoryB[0]).toBe('qualification_certificate');
    expect(categoryB.at(-1)).toBe('health_insurance_card');
    expect(DOCUMENT_TYPES_AS_OFFERED.indexOf('passport')).toBeLessThan(DOCUMENT_TYPES_AS_OFFERED.indexOf('qualification_certificate'));
  });
});

describe('self route', () => {
  it('needs the card and one more ID of category A or B', () => {
    expect(check([card, holderQualification], { route: 'self', visit: 1 }).satisfied).toBe(true);
    expect(check([card, holderLicence], { route: 'self', visit: 1 }).satisfied).toBe(true);
    expect(missingCodes(check([card], { route: 'self', visit: 1 }))).toEqual(['holder_second_id_missing']);
    expect(missingCodes(check([holderLicence], { route: 'self', visit: 1 }))).toEqual(['holder_card_missing']);
  });

  it('needs a photo ID when the policy says so, and says so', () => {
    const policy = { ...DEFAULT_POLICY, selfSecondId: 'a_only' as const };
    const result = check([card, holderQualification], { route: 'self', visit: 1 }, policy);
    expect(result.results[1]!.missing).toMatchObject({
      kind: 'refused',
      code: 'holder_second_id_missing',
      message: '本人の本人確認書類があと1点必要です（写真付きの公的書類）。',
    });
    expect(localize(result.results[1]!.missing!, 'en')).toBe('1 more ID document of the holder with a photo needed.');
    expect(check([card, holderLicence], { route: 'self', visit: 1 }, policy).satisfied).toBe(true);
  });

  it('does not count the card as its own second ID, nor the representative’s documents for the holder', () => {
    expect(missingCodes(check([card, { ...card }], { route: 'self', visit: 1 }))).toEqual(['holder_second_id_missing']);
    expect(missingCodes(check([card, repLicence], { route: 'self', visit: 1 }))).toEqual(['holder_second_id_missing']);
  });

  it('lists an expired ID as unusable and still asks for one', () => {
    const result = check([card, { ...holderLicence, expiresOn: '2025-01-01' }], { route: 'self', visit: 1 });
    expect(result.unusable).toEqual([{ index: 1, type: 'drivers_license', problem: expect.objectContaining({ code: 'document_expired' }) }]);
    expect(missingCodes(result)).toEqual(['holder_second_id_missing']);
  });
});

describe('legal representative', () => {
  const parent = { route: 'legal_representative' as const, visit: 1 as const, representativeKind: 'parent' as const };
  const everything = [card, holderQualification, familyRegister, repLicence, repQualification];

  it('needs the holder’s card and ID, the family register, and two IDs of the parent with one photo ID', () => {
    expect(check(everything, parent).satisfied).toBe(true);
    expect(missingCodes(check([card, holderQualification, repLicence, repQualification], parent))).toEqual(['representation_proof_missing']);
  });

  it.each([
    [[repQualification, repPension], 'あと1点必要です（写真付きの公的書類）'],
    [[repLicence], 'あと1点必要です'],
    [[], 'あと2点必要です（うち1点は写真付きの公的書類）'],
  ])('says how many of the parent’s IDs are still missing', (repDocs, text) => {
    const result = check([card, holderQualification, familyRegister, ...repDocs], parent);
    const missing = result.results.find((r) => r.requirement.id === 'representative_ids')!.missing!;
    expect(missing.message).toBe(`代理人の本人確認書類が${text}。`);
  });

  it('counts two of the same kind of ID once', () => {
    expect(missingCodes(check([card, holderQualification, familyRegister, repLicence, { ...repLicence }], parent))).toEqual(['representative_ids_missing']);
    expect(check([card, holderQualification, familyRegister, repLicence, repPassport], parent).satisfied).toBe(true);
  });

  it.each([[{ sameHouseholdParentChild: true, familyRegisterInCity: false }], [{ sameHouseholdParentChild: false, familyRegisterInCity: true }]])(
    'waives the family register for a parent when %j',
    (waivers) => {
      const result = check([card, holderQualification, repLicence, repQualification], { ...parent, waivers });
      expect(result.satisfied).toBe(true);
      expect(result.results.find((r) => r.requirement.id === 'representation_proof')!.requirement.waived).toBe(true);
    },
  );

  it('never waives the guardianship certificate', () => {
    const guardian = { ...parent, representativeKind: 'guardian' as const, waivers: { sameHouseholdParentChild: true, familyRegisterInCity: true } };
    expect(missingCodes(check([card, holderQualification, familyRegister, repLicence, repQualification], guardian))).toEqual(['representation_proof_missing']);
    const certificate: PresentedDocument = { presentedBy: 'representative', type: 'guardianship_certificate', issuedOn: '2026-11-01' };
    expect(check([card, holderQualification, certificate, repLicence, repQualification], guardian).satisfied).toBe(true);
  });
});

describe('voluntary agent', () => {
  it('first visit: one photo ID of the agent by default', () => {
    expect(check([repLicence], { route: 'voluntary_agent', visit: 1 }).satisfied).toBe(true);
    const twoB = check([repQualification, repPension], { route: 'voluntary_agent', visit: 1 });
    expect(twoB.results[0]!.missing).toMatchObject({
      code: 'agent_first_visit_id_missing',
      message: '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。',
    });
  });

  it('first visit: one A or two B where the policy allows it (Ageo)', () => {
    const policy = { ...DEFAULT_POLICY, agentFirstVisitId: 'one_a_or_two_b' as const };
    expect(check([repQualification, repPension], { route: 'voluntary_agent', visit: 1 }, policy).satisfied).toBe(true);
    expect(check([repLicence], { route: 'voluntary_agent', visit: 1 }, policy).satisfied).toBe(true);
    expect(check([repQualification], { route: 'voluntary_agent', visit: 1 }, policy).results[0]!.missing!.message).toBe(
      '代理人の本人確認書類があと1点必要です。',
    );
  });

  it('second visit: the sealed reply, the holder’s card and ID, the agent’s two IDs', () => {
    const reply: PresentedDocument = { presentedBy: 'holder', type: 'sealed_reply_form' };
    const all = [reply, card, holderQualification, repLicence, repQualification];
    expect(check(all, { route: 'voluntary_agent', visit: 2 }).satisfied).toBe(true);
    expect(missingCodes(check(all.slice(1), { route: 'voluntary_agent', visit: 2 }))).toEqual(['sealed_reply_form_missing']);
  });

  it('second visit: power of attorney and cannot-attend proof only when the policy asks', () => {
    const policy = { ...DEFAULT_POLICY, agentNeedsPowerOfAttorney: true, agentNeedsCannotAttendProof: true };
    const ids = requiredDocuments({ route: 'voluntary_agent', visit: 2 }, policy).map((r) => r.id);
    expect(ids).toEqual([
      'sealed_reply_form',
      'holder_card',
      'holder_second_id',
      'representative_ids',
      'representative_current_address',
      'power_of_attorney',
      'cannot_attend_proof',
    ]);
    expect(requiredDocuments({ route: 'voluntary_agent', visit: 2 }, DEFAULT_POLICY).map((r) => r.id)).not.toContain('power_of_attorney');
  });

  it('same-day routes have no second visit', () => {
    expect(requiredDocuments({ route: 'self', visit: 2 }, DEFAULT_POLICY)).toEqual([]);
    expect(requiredDocuments({ route: 'legal_representative', visit: 2, representativeKind: 'parent' }, DEFAULT_POLICY)).toEqual([]);
  });
});

describe("the representative's current address and name (000)", () => {
  const parent = { route: 'legal_representative' as const, visit: 1 as const, representativeKind: 'parent' as const };
  const everything = [card, holderQualification, familyRegister, repLicence, repQualification];

  it('is a line the clerk ticks, on the legal-representative route and at the agent’s second visit, saying what to check', () => {
    const unticked = check(everything, parent, DEFAULT_POLICY, []);
    expect(missingCodes(unticked)).toEqual(['representative_current_address_missing']);
    expect(unticked.results.at(-1)!.missing!.message).toBe('代理人の本人確認書類に現住所・現氏名が記載されていることを確認してください。');
    expect(check(everything, parent).satisfied).toBe(true);
    const visit2 = requiredDocuments({ route: 'voluntary_agent', visit: 2 }, DEFAULT_POLICY);
    expect(visit2.find((r) => r.id === 'representative_current_address')?.kind).toBe('attestation');
    expect(requiredDocuments({ route: 'voluntary_agent', visit: 1 }, DEFAULT_POLICY).map((r) => r.id)).toEqual([
      'agent_first_visit_id',
      'holder_address_checked',
    ]);
  });

  it('is not asked where the policy does not ask it', () => {
    const policy = { ...DEFAULT_POLICY, representativeIdsShowCurrentAddress: false };
    expect(check(everything, parent, policy, []).satisfied).toBe(true);
    expect(requiredDocuments({ route: 'voluntary_agent', visit: 2 }, policy).map((r) => r.id)).not.toContain('representative_current_address');
  });
});

describe('per-city lists (policy data)', () => {
  const parent = { route: 'legal_representative' as const, visit: 1 as const, representativeKind: 'parent' as const };

  it('self route, the card alone where the city says so (004)', () => {
    const policy = { ...DEFAULT_POLICY, selfSecondId: 'none' as const };
    expect(requiredDocuments({ route: 'self', visit: 1 }, policy).map((r) => r.id)).toEqual(['holder_card']);
    expect(check([card], { route: 'self', visit: 1 }, policy).satisfied).toBe(true);
  });

  it('legal representative: no second holder ID (002, 004), no proof of parenthood and one photo ID (004)', () => {
    const koto = { ...DEFAULT_POLICY, legalRepresentativeHolderSecondId: 'none' as const };
    expect(requiredDocuments(parent, koto).map((r) => r.id)).toEqual([
      'holder_card',
      'representation_proof',
      'representative_ids',
      'representative_current_address',
    ]);
    const matsue = {
      ...DEFAULT_POLICY,
      legalRepresentativeHolderSecondId: 'none' as const,
      parentProof: 'none' as const,
      legalRepresentativeIds: 'one_a' as const,
    };
    expect(requiredDocuments(parent, matsue).map((r) => r.id)).toEqual(['holder_card', 'representative_ids', 'representative_current_address']);
    expect(check([card, repLicence], parent, matsue).satisfied).toBe(true);
    expect(check([card, repQualification], parent, matsue).results.find((r) => r.requirement.id === 'representative_ids')!.missing!.message).toBe(
      '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。',
    );
    // A guardian still proves the guardianship, whatever the parent's rule.
    expect(requiredDocuments({ ...parent, representativeKind: 'guardian' }, matsue).map((r) => r.id)).toContain('representation_proof');
  });

  it('a foreign resident proves the relation with 続柄を証明する書類 in place of the 戸籍謄本 (002)', () => {
    const relation: PresentedDocument = { presentedBy: 'representative', type: 'relationship_proof', issuedOn: '2026-10-01' };
    expect(check([card, holderQualification, relation, repLicence, repQualification], parent).satisfied).toBe(true);
    expect(check([card, holderQualification, { ...relation, issuedOn: '2026-01-01' }, repLicence, repQualification], parent).satisfied).toBe(false);
  });

  it.each([
    // [waiver policy, same household + link, same 本籍・筆頭者, 本籍 in the city, waived]
    ['household_or_register_in_city', true, false, false, true],
    ['household_or_register_in_city', false, false, true, true],
    ['household_or_register_in_city', false, true, false, false],
    ['household_same_register_or_register_in_city', true, false, false, false],
    ['household_same_register_or_register_in_city', true, true, false, true],
    ['household_same_register_or_register_in_city', false, true, false, false],
    ['household_same_register_or_register_in_city', false, false, true, true],
    ['never', true, true, true, false],
  ] as const)('%s: household %s, same register %s, register in the city %s → waived %s', (waiver, household, sameRegister, inCity, waived) => {
    const policy = { ...DEFAULT_POLICY, parentProofWaiver: waiver };
    const waivers = { sameHouseholdParentChild: household, sameFamilyRegister: sameRegister, familyRegisterInCity: inCity };
    const proof = requiredDocuments({ ...parent, waivers }, policy).find((r) => r.id === 'representation_proof')!;
    expect(proof.waived).toBe(waived);
  });

  it('the agent’s first visit: any one ID where the city accepts it (002)', () => {
    const koto = { ...DEFAULT_POLICY, agentFirstVisitId: 'any_one' as const };
    expect(check([repQualification], { route: 'voluntary_agent', visit: 1 }, koto).satisfied).toBe(true);
    expect(check([], { route: 'voluntary_agent', visit: 1 }, koto).results[0]!.missing!.message).toBe('代理人の本人確認書類があと1点必要です。');
  });
});

describe('the holder on the agent route (the resident register)', () => {
  it('without a register connected (manual), the clerk ticks that the typed address was checked against the 住民票', () => {
    const visit1 = { route: 'voluntary_agent' as const, visit: 1 as const };
    expect(missingCodes(check([repLicence], visit1, DEFAULT_POLICY, []))).toEqual(['holder_address_checked_missing']);
    expect(check([repLicence], visit1, DEFAULT_POLICY, ['holder_address_checked']).satisfied).toBe(true);
  });

  it('with the register required, the holder comes from it: no tick', () => {
    const policy = { ...DEFAULT_POLICY, residentRegister: 'required' as const };
    expect(requiredDocuments({ route: 'voluntary_agent', visit: 1 }, policy).map((r) => r.id)).toEqual(['agent_first_visit_id']);
    expect(check([repLicence], { route: 'voluntary_agent', visit: 1 }, policy, []).satisfied).toBe(true);
  });
});
