import { DOCUMENT_TYPE } from './codes';
import { checkDocuments, documentCategory, DOCUMENT_CATEGORY, requiredDocuments, unusableReason, type PresentedDocument } from './documents';
import { DEFAULT_POLICY, type MunicipalityPolicy } from './policy';

const ON = '2026-11-24';
const card: PresentedDocument = { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-01-01' };
const holderLicence: PresentedDocument = { presentedBy: 'holder', type: 'drivers_license', expiresOn: '2028-01-01' };
const holderInsurance: PresentedDocument = { presentedBy: 'holder', type: 'health_insurance_card' };
const repLicence: PresentedDocument = { presentedBy: 'representative', type: 'drivers_license', expiresOn: '2029-05-01' };
const repPassport: PresentedDocument = { presentedBy: 'representative', type: 'passport', expiresOn: '2031-01-01' };
const repInsurance: PresentedDocument = { presentedBy: 'representative', type: 'health_insurance_card' };
const repPension: PresentedDocument = { presentedBy: 'representative', type: 'pension_book' };
const familyRegister: PresentedDocument = { presentedBy: 'representative', type: 'family_register_copy', issuedOn: '2026-10-01' };

function check(docs: PresentedDocument[], ctx: Parameters<typeof requiredDocuments>[0], policy: MunicipalityPolicy = DEFAULT_POLICY) {
  return checkDocuments(requiredDocuments(ctx, policy), docs, ON, policy);
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
});

describe('self route', () => {
  it('needs the card and one more ID of category A or B', () => {
    expect(check([card, holderInsurance], { route: 'self', visit: 1 }).satisfied).toBe(true);
    expect(check([card, holderLicence], { route: 'self', visit: 1 }).satisfied).toBe(true);
    expect(missingCodes(check([card], { route: 'self', visit: 1 }))).toEqual(['holder_second_id_missing']);
    expect(missingCodes(check([holderLicence], { route: 'self', visit: 1 }))).toEqual(['holder_card_missing']);
  });

  it('needs a photo ID when the policy says so, and says so', () => {
    const policy = { ...DEFAULT_POLICY, selfSecondId: 'a_only' as const };
    const result = check([card, holderInsurance], { route: 'self', visit: 1 }, policy);
    expect(result.results[1]!.missing).toEqual({ code: 'holder_second_id_missing', message: '本人の本人確認書類があと1点必要です（写真付きの公的書類）。' });
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
  const everything = [card, holderInsurance, familyRegister, repLicence, repInsurance];

  it('needs the holder’s card and ID, the family register, and two IDs of the parent with one photo ID', () => {
    expect(check(everything, parent).satisfied).toBe(true);
    expect(missingCodes(check([card, holderInsurance, repLicence, repInsurance], parent))).toEqual(['representation_proof_missing']);
  });

  it.each([
    [[repInsurance, repPension], 'あと1点必要です（写真付きの公的書類）'],
    [[repLicence], 'あと1点必要です'],
    [[], 'あと2点必要です（うち1点は写真付きの公的書類）'],
  ])('says how many of the parent’s IDs are still missing', (repDocs, text) => {
    const result = check([card, holderInsurance, familyRegister, ...repDocs], parent);
    const missing = result.results.find((r) => r.requirement.id === 'representative_ids')!.missing!;
    expect(missing.message).toBe(`代理人の本人確認書類が${text}。`);
  });

  it('counts two of the same kind of ID once', () => {
    expect(missingCodes(check([card, holderInsurance, familyRegister, repLicence, { ...repLicence }], parent))).toEqual(['representative_ids_missing']);
    expect(check([card, holderInsurance, familyRegister, repLicence, repPassport], parent).satisfied).toBe(true);
  });

  it.each([
    [{ sameHouseholdParentChild: true, familyRegisterInCity: false }],
    [{ sameHouseholdParentChild: false, familyRegisterInCity: true }],
  ])('waives the family register for a parent when %j', (waivers) => {
    const result = check([card, holderInsurance, repLicence, repInsurance], { ...parent, waivers });
    expect(result.satisfied).toBe(true);
    expect(result.results.find((r) => r.requirement.id === 'representation_proof')!.requirement.waived).toBe(true);
  });

  it('never waives the guardianship certificate', () => {
    const guardian = { ...parent, representativeKind: 'guardian' as const, waivers: { sameHouseholdParentChild: true, familyRegisterInCity: true } };
    expect(missingCodes(check([card, holderInsurance, familyRegister, repLicence, repInsurance], guardian))).toEqual(['representation_proof_missing']);
    const certificate: PresentedDocument = { presentedBy: 'representative', type: 'guardianship_certificate', issuedOn: '2026-11-01' };
    expect(check([card, holderInsurance, certificate, repLicence, repInsurance], guardian).satisfied).toBe(true);
  });
});

describe('voluntary agent', () => {
  it('first visit: one photo ID of the agent by default', () => {
    expect(check([repLicence], { route: 'voluntary_agent', visit: 1 }).satisfied).toBe(true);
    const twoB = check([repInsurance, repPension], { route: 'voluntary_agent', visit: 1 });
    expect(twoB.results[0]!.missing).toEqual({ code: 'agent_first_visit_id_missing', message: '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。' });
  });

  it('first visit: one A or two B where the policy allows it (Ageo)', () => {
    const policy = { ...DEFAULT_POLICY, agentFirstVisitId: 'one_a_or_two_b' as const };
    expect(check([repInsurance, repPension], { route: 'voluntary_agent', visit: 1 }, policy).satisfied).toBe(true);
    expect(check([repLicence], { route: 'voluntary_agent', visit: 1 }, policy).satisfied).toBe(true);
    expect(check([repInsurance], { route: 'voluntary_agent', visit: 1 }, policy).results[0]!.missing!.message).toBe('代理人の本人確認書類があと1点必要です。');
  });

  it('second visit: the sealed reply, the holder’s card and ID, the agent’s two IDs', () => {
    const reply: PresentedDocument = { presentedBy: 'holder', type: 'sealed_reply_form' };
    const all = [reply, card, holderInsurance, repLicence, repInsurance];
    expect(check(all, { route: 'voluntary_agent', visit: 2 }).satisfied).toBe(true);
    expect(missingCodes(check(all.slice(1), { route: 'voluntary_agent', visit: 2 }))).toEqual(['sealed_reply_form_missing']);
  });

  it('second visit: power of attorney and cannot-attend proof only when the policy asks', () => {
    const policy = { ...DEFAULT_POLICY, agentNeedsPowerOfAttorney: true, agentNeedsCannotAttendProof: true };
    const ids = requiredDocuments({ route: 'voluntary_agent', visit: 2 }, policy).map((r) => r.id);
    expect(ids).toEqual(['sealed_reply_form', 'holder_card', 'holder_second_id', 'representative_ids', 'power_of_attorney', 'cannot_attend_proof']);
    expect(requiredDocuments({ route: 'voluntary_agent', visit: 2 }, DEFAULT_POLICY).map((r) => r.id)).not.toContain('power_of_attorney');
  });

  it('same-day routes have no second visit', () => {
    expect(requiredDocuments({ route: 'self', visit: 2 }, DEFAULT_POLICY)).toEqual([]);
    expect(requiredDocuments({ route: 'legal_representative', visit: 2, representativeKind: 'parent' }, DEFAULT_POLICY)).toEqual([]);
  });
});
