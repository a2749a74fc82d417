import { DEFAULT_POLICY } from './policy';
import { answerRequirements, type RequirementsQuestion } from './requirements';

const ON = '2026-11-24';
const agentCase: RequirementsQuestion = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['user_auth', 'resident_registry'],
  holder: { birthDate: '1950-04-01', adultWard: false, hasSignatureCertificate: true },
  representative: { kind: 'agent', birthDate: '1985-04-01' },
  documents: [{ presentedBy: 'representative', type: 'drivers_license', expiresOn: '2029-05-01' }],
  attested: ['holder_address_checked'],
  on: ON,
};

describe('answerRequirements', () => {
  it('an agent case with the agent’s licence is ready, and lists what the second visit needs', () => {
    const answer = answerRequirements(agentCase, DEFAULT_POLICY);
    expect(answer.readyToRegister).toBe(true);
    expect(answer.problems).toEqual([]);
    expect(answer.holderAge).toBe(76);
    expect(answer.completesSameDay).toBe(false);
    expect(answer.visits.map((v) => [v.visit, v.checklist.map((l) => l.id)])).toEqual([
      [1, ['agent_first_visit_id', 'holder_address_checked']],
      [2, ['sealed_reply_form', 'holder_card', 'holder_second_id', 'representative_ids', 'representative_current_address']],
    ]);
    expect(answer.pins.every((p) => p.eligible)).toBe(true);
  });

  it('says everything that stops registration, with paths', () => {
    const answer = answerRequirements(
      { ...agentCase, pins: ['signature'], holder: { ...agentCase.holder, hasSignatureCertificate: false }, documents: [], note: '暗証番号は1234' },
      DEFAULT_POLICY,
    );
    expect(answer.readyToRegister).toBe(false);
    expect(answer.problems.map((p) => [p.code, p.path])).toEqual([
      ['signature_no_certificate', 'pins'],
      ['agent_first_visit_id_missing', 'documents.agent_first_visit_id'],
      ['text_contains_pin', 'note'],
    ]);
  });

  it('points out the store kiosk for the signature PIN alone', () => {
    const answer = answerRequirements({ ...agentCase, pins: ['signature'] }, DEFAULT_POLICY);
    expect(answer.alternatives.map((a) => a.code)).toEqual(['store_signature_reset']);
  });

  it('a self case completes the same day and has no second visit', () => {
    const answer = answerRequirements(
      {
        ...agentCase,
        route: 'self',
        representative: null,
        documents: [
          { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-01-01' },
          { presentedBy: 'holder', type: 'qualification_certificate' },
        ],
      },
      DEFAULT_POLICY,
    );
    expect(answer.readyToRegister).toBe(true);
    expect(answer.completesSameDay).toBe(true);
    expect(answer.visits.map((v) => v.visit)).toEqual([1]);
  });

  it('stops at a birth date in the future without judging the PINs', () => {
    const answer = answerRequirements({ ...agentCase, holder: { ...agentCase.holder, birthDate: '2027-01-01' } }, DEFAULT_POLICY);
    expect(answer.problems[0]!.code).toBe('holder_birth_date_in_future');
    expect(answer.pins).toEqual([]);
  });
});

describe('what the checklist offers', () => {
  it('offers, for each unmet line, the documents that meet it, the 資格確認書 before the pension book', () => {
    const answer = answerRequirements(
      {
        route: 'self',
        reason: 'forgotten',
        pins: ['user_auth'],
        holder: { birthDate: '1960-05-10', adultWard: false, hasSignatureCertificate: true },
        on: '2026-11-30',
      },
      DEFAULT_POLICY,
    );
    const lines = answer.visits[0]!.checklist;
    expect(lines.map((l) => [l.id, l.suggestions])).toEqual([
      ['holder_card', ['my_number_card']],
      ['holder_second_id', ['drivers_license', 'qualification_certificate', 'pension_book']],
    ]);
    const agent = answerRequirements(
      {
        route: 'voluntary_agent',
        reason: 'forgotten',
        pins: ['user_auth'],
        holder: { birthDate: '1960-05-10', adultWard: false, hasSignatureCertificate: true },
        representative: { kind: 'agent', birthDate: '1985-04-01' },
        on: '2026-11-30',
      },
      DEFAULT_POLICY,
    );
    // The agent's own マイナンバーカード is a photo ID too (seed 000), offered after the licence.
    expect(agent.visits[0]!.checklist[0]!.suggestions).toEqual(['drivers_license', 'my_number_card', 'passport', 'residence_card']);
  });
});
