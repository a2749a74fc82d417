import { PIN, type Pin, type RepresentativeKind, type Route, ROUTE } from './codes';
import { addDays } from './dates';
import { certificateState, completesSameDay, pinEligibility, pinListRefusals, routeRefusals, type Application } from './eligibility';
import { DEFAULT_POLICY } from './policy';

const ON = '2026-11-24';
/** Birth dates that put the holder exactly at each age band's edges on ON. */
const BORN = {
  age10: '2016-06-01',
  age14_lastDay: '2011-11-25', // 15 tomorrow
  age15_birthday: '2011-11-24',
  age17: '2009-01-01',
  age18_birthday: '2008-11-24',
  age40: '1986-05-05',
} as const;
type Band = keyof typeof BORN;
const AGE: Record<Band, number> = { age10: 10, age14_lastDay: 14, age15_birthday: 15, age17: 17, age18_birthday: 18, age40: 40 };

const KINDS: (RepresentativeKind | null)[] = [null, 'parent', 'guardian', 'agent'];
const PIN_SETS: Pin[][] = [];
for (let mask = 1; mask < 1 << PIN.values.length; mask++) PIN_SETS.push(PIN.values.filter((_, i) => mask & (1 << i)));

function app(route: Route, band: Band, adultWard: boolean, hasSignatureCertificate: boolean, kind: RepresentativeKind | null, pins: Pin[]): Application {
  return {
    route,
    reason: 'forgotten',
    pins,
    holder: { birthDate: BORN[band], adultWard, hasSignatureCertificate },
    representative: kind ? { kind, birthDate: '1980-01-01' } : null,
  };
}

/** The brief's route rules, stated once here as the oracle for the whole cross product. */
function expectedRouteCodes(route: Route, age: number, adultWard: boolean, kind: RepresentativeKind | null, limit: number): string[] {
  if (route === 'self') {
    return [
      ...(kind ? ['self_with_representative'] : []),
      ...(age < 15 ? ['holder_under_15_needs_representative'] : []),
      ...(adultWard ? ['adult_ward_needs_guardian'] : []),
    ];
  }
  if (route === 'voluntary_agent') {
    // The letter's consent is the holder's own: not a child's, not a ward's (their legal representative applies).
    const holderCannotConsent = [...(age < 15 ? ['agent_holder_under_15'] : []), ...(adultWard ? ['agent_holder_adult_ward'] : [])];
    return [...holderCannotConsent, ...(!kind ? ['representative_required'] : kind === 'agent' ? [] : ['voluntary_agent_kind_invalid'])];
  }
  if (!kind) return ['representative_required'];
  if (kind === 'parent') return age >= limit ? ['holder_too_old_for_parent'] : [];
  if (kind === 'guardian') return adultWard ? [] : ['holder_not_adult_ward'];
  return ['legal_representative_kind_invalid'];
}

function expectedSignatureCodes(age: number, adultWard: boolean, hasCert: boolean): string[] {
  return [...(age < 15 ? ['signature_holder_under_15'] : []), ...(adultWard ? ['signature_adult_ward'] : []), ...(hasCert ? [] : ['signature_no_certificate'])];
}

describe('every route × age band × adult ward × signature certificate × representative × pins', () => {
  for (const limit of [15, 18]) {
    const policy = { ...DEFAULT_POLICY, legalRepresentativeAgeLimit: limit };
    it(`follows the brief with a legal-representative age limit of ${limit}`, () => {
      let combinations = 0;
      for (const route of ROUTE.values)
        for (const band of Object.keys(BORN) as Band[])
          for (const adultWard of [false, true])
            for (const hasCert of [false, true])
              for (const kind of KINDS)
                for (const pins of PIN_SETS) {
                  const a = app(route, band, adultWard, hasCert, kind, pins);
                  expect(routeRefusals(a, policy, ON).map((p) => p.code)).toEqual(expectedRouteCodes(route, AGE[band], adultWard, kind, limit));
                  for (const result of pinEligibility(a, ON)) {
                    const expected = result.pin === 'signature' ? expectedSignatureCodes(AGE[band], adultWard, hasCert) : [];
                    expect(result.problems.map((p) => p.code)).toEqual(expected);
                    expect(result.eligible).toBe(expected.length === 0);
                  }
                  combinations++;
                }
      expect(combinations).toBe(3 * 6 * 2 * 2 * 4 * 15);
    });
  }
});

describe('route rules at the edges', () => {
  it('a parent is the legal representative up to the day before the 15th birthday, not on it', () => {
    expect(routeRefusals(app('legal_representative', 'age14_lastDay', false, false, 'parent', ['user_auth']), DEFAULT_POLICY, ON)).toEqual([]);
    const onBirthday = routeRefusals(app('legal_representative', 'age15_birthday', false, false, 'parent', ['user_auth']), DEFAULT_POLICY, ON);
    expect(onBirthday).toEqual([expect.objectContaining({ code: 'holder_too_old_for_parent', path: 'route' })]);
    expect(onBirthday[0]!.message).toContain('15歳以上');
  });

  it('refuses a birth date in the future before anything else', () => {
    const a = {
      ...app('self', 'age40', false, true, null, ['user_auth']),
      holder: { birthDate: addDays(ON, 1), adultWard: false, hasSignatureCertificate: false },
    };
    expect(routeRefusals(a, DEFAULT_POLICY, ON)).toEqual([expect.objectContaining({ code: 'holder_birth_date_in_future', path: 'holder.birthDate' })]);
  });

  it('every refusal speaks Japanese', () => {
    const a = app('self', 'age10', true, false, 'agent', ['signature']);
    for (const p of [...routeRefusals(a, DEFAULT_POLICY, ON), ...pinEligibility(a, ON).flatMap((r) => r.problems)]) {
      expect(p.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('the list of PINs', () => {
  it('needs at least one, each once', () => {
    expect(pinListRefusals([])).toEqual([expect.objectContaining({ code: 'pins_required' })]);
    expect(pinListRefusals(['user_auth', 'user_auth'])).toEqual([expect.objectContaining({ code: 'pins_duplicated' })]);
    expect(pinListRefusals(['user_auth', 'card_info'])).toEqual([]);
  });
});

describe('same-day completion', () => {
  it('only the voluntary-agent route needs a second visit', () => {
    expect(ROUTE.values.filter((r) => !completesSameDay(r))).toEqual(['voluntary_agent']);
  });
});

describe('the agent recorded at visit 1', () => {
  const agentApp = (birthDate?: string | null) => ({
    route: 'voluntary_agent' as const,
    reason: 'forgotten' as const,
    pins: ['user_auth' as const],
    holder: { birthDate: '1980-05-10', adultWard: false, hasSignatureCertificate: true },
    representative: { kind: 'agent' as const, birthDate },
  });

  it("needs the agent's birth date, a real one not in the future, so visit 2 can check it is the same person", () => {
    expect(routeRefusals(agentApp('1975-03-03'), DEFAULT_POLICY, ON)).toEqual([]);
    for (const missing of [undefined, null, '', '1975-02-30']) {
      expect(routeRefusals(agentApp(missing), DEFAULT_POLICY, ON)).toEqual([
        expect.objectContaining({ code: 'agent_birth_date_required', path: 'representative.birthDate' }),
      ]);
    }
    expect(routeRefusals(agentApp('2099-01-01'), DEFAULT_POLICY, ON)).toEqual([
      expect.objectContaining({ code: 'agent_birth_date_in_future', path: 'representative.birthDate' }),
    ]);
  });

  it('asks no birth date of a legal representative (they complete the same day)', () => {
    const parent = {
      ...agentApp(),
      route: 'legal_representative' as const,
      holder: { ...agentApp().holder, birthDate: '2015-01-01' },
      representative: { kind: 'parent' as const },
    };
    expect(routeRefusals(parent, DEFAULT_POLICY, ON)).toEqual([]);
  });
});

describe('certificates with lives of their own (004, 003, 000)', () => {
  const holder = { birthDate: '1970-01-01', adultWard: false, hasSignatureCertificate: true };
  const eligibility = (pin: Pin, facts: object) => pinEligibility({ route: 'self', reason: 'forgotten', pins: [pin], holder: { ...holder, ...facts } }, ON)[0]!;

  it('an expired certificate is not reset: it is issued anew, and the case says so', () => {
    const expired = eligibility('user_auth', { userAuthCertificateExpiresOn: '2026-11-23' });
    expect(expired).toMatchObject({ eligible: false, steps: [], problems: [expect.objectContaining({ code: 'certificate_expired_issue_anew' })] });
    expect(expired.problems[0]!.message).toBe(
      '利用者証明用電子証明書の有効期限（令和8年11月23日）が切れています。暗証番号の再設定ではなく、電子証明書の新規発行（新しい暗証番号の設定）になります。',
    );
    expect(eligibility('user_auth', { userAuthCertificateExpiresOn: ON }).eligible).toBe(true);
  });

  it('inside the renewal window (from the day after the same day three months before expiry) the reset is followed by the renewal', () => {
    // Expiring 2027-02-24: the window opens on 2026-11-25, the day after 2026-11-24.
    expect(eligibility('signature', { signatureCertificateExpiresOn: '2027-02-24' }).steps.map((s) => s.ja)).toEqual(['暗証番号の再設定']);
    expect(eligibility('signature', { signatureCertificateExpiresOn: '2027-02-23' }).steps.map((s) => s.ja)).toEqual([
      '暗証番号の再設定',
      '電子証明書の更新（再設定のあと、続けて行います）',
    ]);
    expect(eligibility('resident_registry', { signatureCertificateExpiresOn: '2027-02-23' }).steps.map((s) => s.ja)).toEqual(['暗証番号の再設定']);
  });

  it('the signature certificate lapses with a change of name, address, sex or birth date: new issuance, not a reset', () => {
    expect(eligibility('signature', { basicInfoChanged: true }).problems.map((p) => p.code)).toEqual(['signature_lapsed_issue_anew']);
    expect(eligibility('user_auth', { basicInfoChanged: true }).eligible).toBe(true);
  });

  it('the user-authentication certificate is carried only if the holder wanted it (000)', () => {
    expect(eligibility('user_auth', { hasUserAuthCertificate: false }).problems.map((p) => p.code)).toEqual(['user_auth_no_certificate']);
    expect(eligibility('user_auth', {}).eligible).toBe(true);
    expect(certificateState({ ...holder, hasUserAuthCertificate: false }, 'user_auth', ON)).toBe('absent');
  });

  it('a certificate expiry still being typed counts as not given', () => {
    expect(eligibility('signature', { signatureCertificateExpiresOn: '2026-1' }).eligible).toBe(true);
  });
});
