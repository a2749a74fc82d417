import { requiredDocuments } from './documents';
import { DEFAULT_POLICY, validatePolicy } from './policy';
import { POLICY_PRESETS } from './presets';

describe('policy presets', () => {
  it('are the four cities of the seeds, each citing its page, each a complete and valid policy', () => {
    expect(POLICY_PRESETS.map((p) => [p.id, p.source.seed])).toEqual([
      ['nishinomiya', '000'],
      ['koto', '002'],
      ['kasugai', '003'],
      ['matsue', '004'],
    ]);
    for (const preset of POLICY_PRESETS) {
      expect(validatePolicy(preset.policy, { complete: true })).toEqual({ ok: true, policy: preset.policy });
      expect(preset.source.title).not.toBe('');
    }
  });

  it('the default stays Nishinomiya’s', () => {
    expect(POLICY_PRESETS.find((p) => p.id === 'nishinomiya')!.policy).toEqual(DEFAULT_POLICY);
  });

  it('give each city its own lists', () => {
    const lists = (id: string) => {
      const { policy } = POLICY_PRESETS.find((p) => p.id === id)!;
      return {
        self: requiredDocuments({ route: 'self', visit: 1 }, policy).map((r) => r.id),
        parent: requiredDocuments({ route: 'legal_representative', visit: 1, representativeKind: 'parent' }, policy).map((r) => r.id),
        agent1: requiredDocuments({ route: 'voluntary_agent', visit: 1 }, policy)
          .filter((r) => r.kind !== 'attestation')
          .map((r) => r.label.ja),
        limit: policy.legalRepresentativeAgeLimit,
      };
    };
    expect(lists('nishinomiya')).toEqual({
      self: ['holder_card', 'holder_second_id'],
      parent: ['holder_card', 'holder_second_id', 'representation_proof', 'representative_ids', 'representative_current_address'],
      agent1: ['代理人の写真付き本人確認書類 1点'],
      limit: 15,
    });
    expect(lists('koto')).toEqual({
      self: ['holder_card', 'holder_second_id'],
      parent: ['holder_card', 'representation_proof', 'representative_ids'],
      agent1: ['代理人の本人確認書類 1点'],
      limit: 15,
    });
    expect(lists('matsue')).toEqual({
      self: ['holder_card'],
      parent: ['holder_card', 'representative_ids'],
      agent1: ['代理人の写真付き本人確認書類 1点'],
      limit: 18,
    });
  });
});
