import { PIN, type Pin, type RepresentativeKind, type Route, ROUTE } from './codes';
import { addDays } from './dates';
import { completesSameDay, pinEligibility, pinListProblems, routeProblems, type Application } from './eligibility';
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
  return { route, reason: 'forgotten', pins, holder: { birthDate: BORN[band], adultWard, hasSignatureCertificate }, representative: kind ? { kind } : null };
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
  if (!kind) return ['representative_required'];
  if (route === 'voluntary_agent') return kind === 'agent' ? [] : ['voluntary_agent_kind_invalid'];
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
                  expect(routeProblems(a, policy, ON).map((p) => p.code)).toEqual(expectedRouteCodes(route, AGE[band], adultWard, kind, limit));
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
    expect(routeProblems(app('legal_representative', 'age14_lastDay', false, false, 'parent', ['user_auth']), DEFAULT_POLICY, ON)).toEqual([]);
    const onBirthday = routeProblems(app('legal_representative', 'age15_birthday', false, false, 'parent', ['user_auth']), DEFAULT_POLICY, ON);
    expect(onBirthday).toEqual([expect.objectContaining({ code: 'holder_too_old_for_parent', path: 'route' })]);
    expect(onBirthday[0]!.message).toContain('15歳以上');
  });

  it('refuses a birth date in the future before anything else', () => {
    const a = { ...app('self', 'age40', false, true, null, ['user_auth']), holder: { birthDate: addDays(ON, 1), adultWard: false, hasSignatureCertificate: false } };
    expect(routeProblems(a, DEFAULT_POLICY, ON)).toEqual([expect.objectContaining({ code: 'holder_birth_date_in_future', path: 'holder.birthDate' })]);
  });

  it('every refusal speaks Japanese', () => {
    const a = app('self', 'age10', true, false, 'agent', ['signature']);
    for (const p of [...routeProblems(a, DEFAULT_POLICY, ON), ...pinEligibility(a, ON).flatMap((r) => r.problems)]) {
      expect(p.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('the list of PINs', () => {
  it('needs at least one, each once', () => {
    expect(pinListProblems([])).toEqual([expect.objectContaining({ code: 'pins_required' })]);
    expect(pinListProblems(['user_auth', 'user_auth'])).toEqual([expect.objectContaining({ code: 'pins_duplicated' })]);
    expect(pinListProblems(['user_auth', 'card_info'])).toEqual([]);
  });
});

describe('same-day completion', () => {
  it('only the voluntary-agent route needs a second visit', () => {
    expect(ROUTE.values.filter((r) => !completesSameDay(r))).toEqual(['voluntary_agent']);
  });
});
