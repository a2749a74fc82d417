import { CASE_STATE, LETTER_STATUS, ROLE, type CaseState, type Role } from './codes';
import { correctionLetterEffect, correctionRefusals, fieldChanges, PRINTED_FIELDS, type CorrectionRequestFacts, type FieldChange } from './corrections';

const agentName: FieldChange = { field: 'representative.familyName', from: '江東', to: '江藤' };
const holderAddress: FieldChange = { field: 'holder.address', from: '見本市1-1', to: '見本市1-2' };
const holderKana: FieldChange = { field: 'holder.familyNameKana', from: 'ヤマダ', to: 'ヤマタ' };
const note: FieldChange = { field: 'note', from: null, to: '電話で確認' };

const facts = (over: Partial<CorrectionRequestFacts> = {}): CorrectionRequestFacts => ({
  route: 'voluntary_agent',
  state: 'received',
  role: 'clerk',
  residentRegister: 'manual',
  hasRepresentative: true,
  changes: [agentName],
  holderFromRegister: false,
  attested: [],
  ...over,
});
const codes = (over: Partial<CorrectionRequestFacts>) => correctionRefusals(facts(over)).map((p) => `${p.code}${p.path ? ` ${p.path}` : ''}`);

describe('who may correct, and when', () => {
  const expected = (state: CaseState, role: Role): string[] => {
    if (state === 'completed' || state === 'cancelled') return ['case_finished_no_correction'];
    if (role !== 'clerk' && role !== 'supervisor') return ['transition_role_not_allowed'];
    if ((state === 'inquiry_mailed' || state === 'reply_returned') && role !== 'supervisor') return ['correction_after_mailing_supervisor'];
    return [];
  };
  it.each(CASE_STATE.values.flatMap((state) => ROLE.values.map((role) => [state, role] as const)))('%s, %s', (state, role) => {
    expect(codes({ state, role })).toEqual(expected(state, role));
  });

  it('a correction after mailing is forbidden to the counter (403), and the case being finished is a conflict (409)', () => {
    expect(correctionRefusals(facts({ state: 'inquiry_mailed' }))[0]!.kind).toBe('forbidden');
    expect(correctionRefusals(facts({ state: 'completed', role: 'supervisor' }))[0]!.kind).toBe('conflict');
  });

  it('a correction that changes nothing is refused', () => {
    expect(codes({ changes: [] })).toEqual(['correction_nothing_changed']);
  });
});

describe('what may be corrected', () => {
  it('on the agent route with the register required, the holder only by a new look-up', () => {
    expect(codes({ residentRegister: 'required', changes: [holderAddress, holderKana, agentName, note] })).toEqual([
      'holder_correction_from_register holder.address',
      'holder_correction_from_register holder.familyNameKana',
    ]);
    expect(codes({ residentRegister: 'required', changes: [holderAddress, holderKana], holderFromRegister: true })).toEqual([]);
  });

  it('the self and legal routes correct the holder as typed (the card is in hand)', () => {
    for (const route of ['self', 'legal_representative'] as const) {
      expect(codes({ route, residentRegister: 'required', changes: [holderAddress], hasRepresentative: route !== 'self' })).toEqual([]);
    }
  });

  it('a typed address on a manual agent case is checked against the 住民票 again', () => {
    expect(codes({ changes: [holderAddress] })).toEqual(['holder_address_recheck_required attested']);
    expect(codes({ changes: [holderAddress], attested: ['holder_address_checked'] })).toEqual([]);
    // The kana are not where the letter goes.
    expect(codes({ changes: [holderKana] })).toEqual([]);
  });

  it('a case without a representative has none to correct', () => {
    expect(codes({ route: 'self', hasRepresentative: false, changes: [agentName, note] })).toEqual(['correction_no_representative representative.familyName']);
  });
});

describe("what a correction does to the case's letter", () => {
  const unmailed = ['pending', 'failed', 'ready', 'printed'] as const;

  it.each(unmailed)('a %s letter is replaced when what it prints changes, and kept otherwise', (status) => {
    for (const field of PRINTED_FIELDS) expect(correctionLetterEffect('received', status, [{ field, from: 'a', to: 'b' }])).toBe('replace');
    expect(correctionLetterEffect('received', status, [holderKana, note])).toBe('none');
  });

  it('a mailed letter is reissued for a new address while the reply is awaited, and only then', () => {
    expect(correctionLetterEffect('inquiry_mailed', 'mailed', [holderAddress])).toBe('reissue');
    expect(correctionLetterEffect('inquiry_mailed', 'mailed', [agentName])).toBe('none');
    expect(correctionLetterEffect('reply_returned', 'mailed', [holderAddress])).toBe('none');
  });

  it('no letter, or only superseded ones: nothing to do', () => {
    expect(correctionLetterEffect('received', undefined, [holderAddress])).toBe('none');
    expect(correctionLetterEffect('received', 'superseded', [holderAddress])).toBe('none');
  });

  it('covers every letter status', () => {
    const seen = LETTER_STATUS.values.map((s) => correctionLetterEffect('inquiry_mailed', s, [holderAddress]));
    expect(seen).toEqual(LETTER_STATUS.values.map((s) => (s === 'superseded' ? 'none' : s === 'mailed' ? 'reissue' : 'replace')));
  });
});

describe('fieldChanges', () => {
  it('lists only what differs, with the recorded value as "from"', () => {
    expect(
      fieldChanges(
        { 'holder.address': '見本市1-1', 'representative.familyName': '江東', note: null },
        { 'holder.address': '見本市1-1', 'representative.familyName': '江藤', note: '電話で確認' },
      ),
    ).toEqual([
      { field: 'representative.familyName', from: '江東', to: '江藤' },
      { field: 'note', from: null, to: '電話で確認' },
    ]);
  });

  it('a note cleared is a change to null; a field not asked is none', () => {
    expect(fieldChanges({ note: '古いメモ', 'holder.address': 'x' }, { note: null })).toEqual([{ field: 'note', from: '古いメモ', to: null }]);
  });
});
