import { storeAlternatives } from './alternatives';
import { PIN, RESET_REASON } from './codes';

describe('convenience-store alternatives', () => {
  it('the signature PIN alone: at a store, if the user-auth PIN is known', () => {
    expect(storeAlternatives({ pins: ['signature'], reason: 'forgotten', hasSignatureCertificate: true }).map((a) => a.code)).toEqual(['store_signature_reset']);
    expect(storeAlternatives({ pins: ['signature'], reason: 'locked', hasSignatureCertificate: true })[0]!.message).toContain('6:30〜23:00');
  });

  it('the user-auth PIN alone: at some stores, if the signature PIN is known (so only with a signature certificate)', () => {
    expect(storeAlternatives({ pins: ['user_auth'], reason: 'locked', hasSignatureCertificate: true }).map((a) => a.code)).toEqual(['store_user_auth_reset']);
    expect(storeAlternatives({ pins: ['user_auth'], reason: 'locked', hasSignatureCertificate: false })).toEqual([]);
  });

  it('nothing when both are lost, for counter-only PINs, or for a face-authentication switch', () => {
    expect(storeAlternatives({ pins: ['signature', 'user_auth'], reason: 'forgotten', hasSignatureCertificate: true })).toEqual([]);
    expect(storeAlternatives({ pins: ['resident_registry'], reason: 'forgotten', hasSignatureCertificate: true })).toEqual([]);
    expect(storeAlternatives({ pins: ['card_info'], reason: 'locked', hasSignatureCertificate: true })).toEqual([]);
    expect(storeAlternatives({ pins: ['signature'], reason: 'face_auth_switch', hasSignatureCertificate: true })).toEqual([]);
  });

  it('never offers a store for a set that includes a counter-only PIN', () => {
    for (const reason of RESET_REASON.values)
      for (const extra of ['resident_registry', 'card_info'] as const)
        for (const pin of PIN.values) expect(storeAlternatives({ pins: [pin, extra], reason, hasSignatureCertificate: true })).toEqual([]);
  });
});
