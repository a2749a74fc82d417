import { storeAlternatives } from './alternatives';
import { PIN, RESET_REASON } from './codes';

const ON = '2026-11-24';
const HOLDER = { birthDate: '1960-01-01', adultWard: false, hasSignatureCertificate: true };
/** Both certificates on the card and valid. */
const both = { holder: HOLDER, on: ON };

describe('convenience-store alternatives', () => {
  it('the signature PIN alone: at a store, if the user-auth PIN is known', () => {
    expect(storeAlternatives({ pins: ['signature'], reason: 'forgotten', ...both }).map((a) => a.code)).toEqual(['store_signature_reset']);
    expect(storeAlternatives({ pins: ['signature'], reason: 'locked', ...both })[0]!.message.ja).toContain('6:30〜23:00');
  });

  it('the user-auth PIN alone: at some stores, if the signature PIN is known (so only with a signature certificate)', () => {
    expect(storeAlternatives({ pins: ['user_auth'], reason: 'locked', ...both }).map((a) => a.code)).toEqual(['store_user_auth_reset']);
    expect(storeAlternatives({ pins: ['user_auth'], reason: 'locked', holder: { ...HOLDER, hasSignatureCertificate: false }, on: ON })).toEqual([]);
  });

  it('nothing when both are lost, for counter-only PINs, or for a face-authentication switch', () => {
    expect(storeAlternatives({ pins: ['signature', 'user_auth'], reason: 'forgotten', ...both })).toEqual([]);
    expect(storeAlternatives({ pins: ['resident_registry'], reason: 'forgotten', ...both })).toEqual([]);
    expect(storeAlternatives({ pins: ['card_info'], reason: 'locked', ...both })).toEqual([]);
    expect(storeAlternatives({ pins: ['signature'], reason: 'face_auth_switch', ...both })).toEqual([]);
  });

  it('never offers a store for a set that includes a counter-only PIN', () => {
    for (const reason of RESET_REASON.values)
      for (const extra of ['resident_registry', 'card_info'] as const)
        for (const pin of PIN.values) expect(storeAlternatives({ pins: [pin, extra], reason, ...both })).toEqual([]);
  });
});

describe('the store hint needs the other certificate present, valid and usable', () => {
  const hint = (pin: 'signature' | 'user_auth', holder: object) =>
    storeAlternatives({ pins: [pin], reason: 'forgotten', holder: { ...HOLDER, ...holder }, on: ON }).length;

  it('no signature hint without a user-authentication certificate (000: only if the holder wanted it), or with one expired', () => {
    expect(hint('signature', {})).toBe(1);
    expect(hint('signature', { hasUserAuthCertificate: false })).toBe(0);
    expect(hint('signature', { userAuthCertificateExpiresOn: '2026-11-23' })).toBe(0);
    expect(hint('signature', { userAuthCertificateExpiresOn: '2026-12-31' })).toBe(1);
  });

  it('no user-authentication hint when the signature certificate lapsed or expired', () => {
    expect(hint('user_auth', { basicInfoChanged: true })).toBe(0);
    expect(hint('user_auth', { signatureCertificateExpiresOn: '2026-01-01' })).toBe(0);
  });
});
