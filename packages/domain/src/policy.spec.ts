import { DEFAULT_POLICY, validatePolicy } from './policy';

describe('municipality policy', () => {
  it('has the defaults of the domain brief', () => {
    expect(DEFAULT_POLICY).toEqual({
      legalRepresentativeAgeLimit: 15,
      selfSecondId: 'a_or_b',
      agentFirstVisitId: 'one_a',
      agentNeedsPowerOfAttorney: false,
      agentNeedsCannotAttendProof: false,
      replyDeadlineDays: 30,
      representationProofMaxAgeMonths: 3,
      nationalSystemCutoff: '19:00',
      minutesPerReset: 30,
    });
  });

  it('fills what is not given from the defaults', () => {
    expect(validatePolicy({ legalRepresentativeAgeLimit: 18 })).toEqual({ ok: true, policy: { ...DEFAULT_POLICY, legalRepresentativeAgeLimit: 18 } });
    expect(validatePolicy({})).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it.each([
    [{ legalRepresentativeAgeLimit: 14 }, 'legalRepresentativeAgeLimit', 'policy_invalid_value'],
    [{ legalRepresentativeAgeLimit: 15.5 }, 'legalRepresentativeAgeLimit', 'policy_invalid_value'],
    [{ selfSecondId: 'photo' }, 'selfSecondId', 'policy_invalid_value'],
    [{ agentNeedsPowerOfAttorney: 'yes' }, 'agentNeedsPowerOfAttorney', 'policy_invalid_value'],
    [{ replyDeadlineDays: 0 }, 'replyDeadlineDays', 'policy_invalid_value'],
    [{ nationalSystemCutoff: '7pm' }, 'nationalSystemCutoff', 'policy_invalid_value'],
    [{ storePins: true }, 'storePins', 'policy_unknown_field'],
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
    if (!partial.ok) expect(partial.problems.map((p) => p.path).sort()).toEqual(Object.keys(DEFAULT_POLICY).filter((k) => k !== 'replyDeadlineDays').sort());
    expect(validatePolicy({}, { complete: true }).ok).toBe(false);
  });
});
