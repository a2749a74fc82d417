import { DEFAULT_POLICY, defaultPolicy, validatePolicy } from './policy';

describe('municipality policy', () => {
  it('has the defaults of the domain brief', () => {
    expect(DEFAULT_POLICY).toEqual({
      legalRepresentativeAgeLimit: 15,
      selfSecondId: 'a_or_b',
      legalRepresentativeHolderSecondId: 'a_or_b',
      parentProof: 'family_register',
      parentProofWaiver: 'household_or_register_in_city',
      legalRepresentativeIds: 'two_one_a',
      agentFirstVisitId: 'one_a',
      representativeIdsShowCurrentAddress: true,
      agentNeedsPowerOfAttorney: false,
      agentNeedsCannotAttendProof: false,
      replyDeadlineDays: 30,
      representationProofMaxAgeMonths: 3,
      nationalSystemCutoff: '19:00',
      minutesPerReset: 30,
      healthInsuranceCardLastDay: '2025-12-01',
      repliesAtRegisteringOffice: true,
      nationalSystemClosures: [],
      letterIssuer: '',
      documentNumberFormat: '第#号',
      residentRegister: 'manual',
      lapseGraceDays: 14,
      dailySweepAt: '06:00',
      postageYen: 110,
      postagePayment: 'deferred',
      completionNotice: true,
      completionNoticeNumberFormat: '完了通知第#号',
      pdfRetentionDays: 90,
    });
  });

  it('starts a municipality with the resident register deciding the agent route’s holder when one is connected', () => {
    expect(defaultPolicy({ residentRegisterConnected: true })).toEqual({ ...DEFAULT_POLICY, residentRegister: 'required' });
    expect(defaultPolicy({ residentRegisterConnected: false })).toEqual(DEFAULT_POLICY);
  });

  it('fills what is not given from the defaults', () => {
    expect(validatePolicy({ legalRepresentativeAgeLimit: 18 })).toEqual({ ok: true, policy: { ...DEFAULT_POLICY, legalRepresentativeAgeLimit: 18 } });
    expect(validatePolicy({})).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it.each([
    [{ legalRepresentativeAgeLimit: 14 }, 'legalRepresentativeAgeLimit', 'policy_integer_out_of_range'],
    [{ legalRepresentativeAgeLimit: 15.5 }, 'legalRepresentativeAgeLimit', 'policy_integer_out_of_range'],
    [{ selfSecondId: 'photo' }, 'selfSecondId', 'policy_choice'],
    [{ agentNeedsPowerOfAttorney: 'yes' }, 'agentNeedsPowerOfAttorney', 'policy_boolean'],
    [{ replyDeadlineDays: 0 }, 'replyDeadlineDays', 'policy_integer_out_of_range'],
    [{ nationalSystemCutoff: '7pm' }, 'nationalSystemCutoff', 'policy_time'],
    [{ storePins: true }, 'storePins', 'policy_unknown_field'],
    // Names Object's prototype carries are unknown fields too, not a crash (the fuzz found valueOf).
    [{ valueOf: null }, 'valueOf', 'policy_unknown_field'],
    [{ constructor: 1 }, 'constructor', 'policy_unknown_field'],
    [{ '123456789018': 1 }, '', 'policy_unknown_field'],
    [{ 'ID 1234 5678 9018': 1 }, '', 'policy_unknown_field'],
  ])('refuses %j, naming %s', (input, path, code) => {
    const result = validatePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ path, code });
      expect(result.problems[0]!.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it.each([null, [], 'default', 42])('refuses a policy that is not an object: %p', (input) => {
    expect(validatePolicy(input)).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'policy_not_object' })] });
  });

  it('when saving, wants every field: a partial policy is refused, naming what is missing', () => {
    expect(validatePolicy({ ...DEFAULT_POLICY }, { complete: true })).toEqual({ ok: true, policy: DEFAULT_POLICY });
    const partial = validatePolicy({ replyDeadlineDays: 45 }, { complete: true });
    expect(partial.ok).toBe(false);
    if (!partial.ok)
      expect(partial.problems.map((p) => p.path).sort()).toEqual(
        Object.keys(DEFAULT_POLICY)
          .filter((k) => k !== 'replyDeadlineDays')
          .sort(),
      );
    expect(validatePolicy({}, { complete: true }).ok).toBe(false);
  });
});

describe('national system closures', () => {
  it('takes whole days and from–to spans, and refuses anything else', () => {
    const closures = [{ date: '2027-01-10' }, { date: '2027-01-17', from: '17:00', to: '21:00' }];
    expect(validatePolicy({ nationalSystemClosures: closures })).toMatchObject({ ok: true, policy: { nationalSystemClosures: closures } });
    for (const bad of [
      'tomorrow',
      [{ date: '2027-02-30' }],
      [{ date: '2027-01-10', from: '17:00' }],
      [{ date: '2027-01-10', from: '21:00', to: '17:00' }],
      [{ date: '2027-01-10', note: 'メンテナンス' }],
      Array.from({ length: 101 }, () => ({ date: '2027-01-10' })),
    ]) {
      expect(validatePolicy({ nationalSystemClosures: bad })).toMatchObject({
        ok: false,
        problems: [{ code: 'policy_closures', path: 'nationalSystemClosures' }],
      });
    }
  });
});

describe('letter wording in the policy', () => {
  it('takes the issuer and a document number format with one #, and refuses others', () => {
    expect(validatePolicy({ letterIssuer: '見本市長 見本 太郎', documentNumberFormat: '見市民第#号' }).ok).toBe(true);
    for (const [field, value, code] of [
      ['documentNumberFormat', '見市民第号', 'policy_document_number_format'],
      ['documentNumberFormat', '##', 'policy_document_number_format'],
      ['documentNumberFormat', '', 'policy_printed_text'],
      ['letterIssuer', 'あ'.repeat(41), 'policy_printed_text'],
      ['letterIssuer', '市長\u0000', 'policy_printed_text'],
    ] as const) {
      expect(validatePolicy({ [field]: value })).toMatchObject({ ok: false, problems: [{ code, path: field }] });
    }
  });
});
