import { CASE_STATE, LETTER_STATUS } from './codes';
import {
  awaitsPrinting,
  fiscalYearOf,
  formatDocumentNumber,
  hasLapsed,
  lapseDay,
  lateReplyRefusal,
  letterIssuer,
  mailingEffect,
  reissueRefusal,
  retryRefusal,
  secondVisitBringList,
  secondVisitRefusals,
} from './letters';
import { DEFAULT_POLICY } from './policy';
import { localize } from './refusals';
import { TRANSITIONS } from './transitions';

describe('letters awaiting a print run', () => {
  it.each(LETTER_STATUS.values.flatMap((letter) => CASE_STATE.values.map((state) => [letter, state] as const)))('%s letter of a %s case', (letter, state) => {
    expect(awaitsPrinting(letter, state)).toBe(letter === 'ready' && (state === 'received' || state === 'inquiry_mailed'));
  });
});

describe('confirming a print run as mailed', () => {
  it('moves a received case on, leaves a reissue where it is, and holds back a letter nobody awaits', () => {
    expect(CASE_STATE.values.map((s) => [s, mailingEffect(s)])).toEqual([
      ['received', 'to_inquiry_mailed'],
      ['inquiry_mailed', 'stays_inquiry_mailed'],
      ['reply_returned', 'hold_back'],
      ['completed', 'hold_back'],
      ['cancelled', 'hold_back'],
    ]);
  });

  it('agrees with the transition table: received → inquiry_mailed is the mailing', () => {
    const rule = TRANSITIONS.find((t) => t.from === 'received' && t.to === 'inquiry_mailed');
    expect(rule?.needs).toEqual(['letter_mailed']);
  });
});

describe('reissue', () => {
  it('is for a mailed letter of a case awaiting its reply', () => {
    expect(reissueRefusal('inquiry_mailed', 'mailed')).toBeUndefined();
  });

  it.each([
    ['received', 'ready', 'letter_not_yet_mailed'],
    ['received', 'printed', 'letter_not_yet_mailed'],
    ['reply_returned', 'mailed', 'case_not_awaiting_reply'],
    ['completed', 'mailed', 'case_not_awaiting_reply'],
    ['cancelled', 'mailed', 'case_not_awaiting_reply'],
    ['inquiry_mailed', 'pending', 'letter_reissue_pending'],
    ['inquiry_mailed', 'ready', 'letter_reissue_pending'],
    ['inquiry_mailed', 'printed', 'letter_reissue_pending'],
    ['inquiry_mailed', undefined, 'case_has_no_letter'],
  ] as const)('is refused for a %s case whose letter is %s (%s)', (state, letter, code) => {
    expect(reissueRefusal(state, letter)?.code).toBe(code);
  });
});

describe('retry', () => {
  it('is only for a failed letter', () => {
    expect(LETTER_STATUS.values.filter((s) => retryRefusal(s) === undefined)).toEqual(['failed']);
  });
});

describe('lateReplyRefusal', () => {
  const deadline = '2026-11-30';
  it('takes a reply on or before its deadline from anyone', () => {
    expect(lateReplyRefusal(deadline, '2026-11-30', 'clerk', undefined, 14)).toBeUndefined();
  });

  it('refuses a late reply at the counter, and lets a supervisor accept it only with a why', () => {
    expect(lateReplyRefusal(deadline, '2026-12-01', 'clerk', 'どうしても', 14)?.code).toBe('reply_late');
    expect(lateReplyRefusal(deadline, '2026-12-01', 'admin', 'x', 14)?.code).toBe('reply_late');
    expect(lateReplyRefusal(deadline, '2026-12-01', 'supervisor', '  ', 14)).toMatchObject({ code: 'late_reply_note_required', path: 'note' });
    expect(lateReplyRefusal(deadline, '2026-12-01', 'supervisor', '入院のため郵送が遅れた（診断書で確認）', 14)).toBeUndefined();
  });

  it('accepts it from no one once the grace days have run out: the application has lapsed', () => {
    const why = '入院のため郵送が遅れた';
    expect(lateReplyRefusal(deadline, '2026-12-14', 'supervisor', why, 14)).toBeUndefined();
    expect(lateReplyRefusal(deadline, '2026-12-15', 'supervisor', why, 14)).toMatchObject({ code: 'reply_lapsed', path: 'reply.inquiryNumber' });
    expect(lateReplyRefusal(deadline, '2026-12-15', 'supervisor', why, 14)!.message).toContain('令和8年12月15日');
    expect(lateReplyRefusal(deadline, '2026-12-01', 'supervisor', why, 0)?.code).toBe('reply_lapsed');
  });
});

describe('lapses', () => {
  it('a case lapses the day after its grace days end', () => {
    expect(lapseDay('2026-11-30', 14)).toBe('2026-12-15');
    expect(hasLapsed('2026-11-30', '2026-12-14', 14)).toBe(false);
    expect(hasLapsed('2026-11-30', '2026-12-15', 14)).toBe(true);
    expect(hasLapsed('2026-11-30', '2026-12-01', 0)).toBe(true);
    expect(hasLapsed('2026-11-30', '2026-11-30', 0)).toBe(false);
  });
});

describe('secondVisitRefusals', () => {
  const here = { caseOfficeId: 'hq', caseOfficeName: '本庁 市民課', deskOfficeId: 'hq' };
  const codes = (r: ReturnType<typeof secondVisitRefusals>) => r.map((p) => p.code);

  it('takes the reply from the agent the clerk confirms, at the office where they applied', () => {
    expect(secondVisitRefusals({ ...here, agentConfirmed: true }, DEFAULT_POLICY)).toEqual([]);
    expect(codes(secondVisitRefusals({ ...here, agentConfirmed: false }, DEFAULT_POLICY))).toEqual(['agent_not_confirmed']);
    expect(codes(secondVisitRefusals({ ...here, agentConfirmed: undefined }, DEFAULT_POLICY))).toEqual(['agent_not_confirmed']);
  });

  it('names the registering office when the reply is brought elsewhere (004: 手続きをした窓口まで), unless the policy allows any counter', () => {
    const elsewhere = { ...here, deskOfficeId: 'branch', agentConfirmed: true };
    const [refused] = secondVisitRefusals(elsewhere, DEFAULT_POLICY);
    expect(refused?.code).toBe('reply_at_registering_office');
    expect(refused?.message).toContain('本庁 市民課');
    expect(localize(refused!, 'en')).toContain('本庁 市民課');
    expect(secondVisitRefusals(elsewhere, { repliesAtRegisteringOffice: false })).toEqual([]);
  });
});

describe('document numbers and the issuer', () => {
  it('counts the fiscal year from 1 April', () => {
    expect([fiscalYearOf('2027-03-31'), fiscalYearOf('2027-04-01'), fiscalYearOf('2026-12-01')]).toEqual([2026, 2027, 2026]);
  });

  it('writes the number in the city’s format', () => {
    expect(formatDocumentNumber('見市民第#号', 123)).toBe('見市民第123号');
    expect(formatDocumentNumber(DEFAULT_POLICY.documentNumberFormat, 7)).toBe('第7号');
  });

  it('names the issuer as the city writes it, or the municipality’s head', () => {
    expect(letterIssuer({ letterIssuer: '見本市長 見本 太郎' }, '見本市')).toBe('見本市長 見本 太郎');
    expect(letterIssuer(DEFAULT_POLICY, '見本市')).toBe('見本市長');
  });
});

describe('secondVisitBringList', () => {
  it("lists the holder's things and the agent's IDs from the policy's visit-2 list, the current address where asked", () => {
    expect(secondVisitBringList(DEFAULT_POLICY)).toEqual({
      holder: ['封入・封緘された照会書兼回答書', '本人のマイナンバーカード', '本人の本人確認書類 1点（カード以外）'],
      agent: ['代理人の本人確認書類 2点（うち1点は写真付きの公的書類）（現住所・現氏名が記載されたもの）'],
    });
    const other = secondVisitBringList({ ...DEFAULT_POLICY, representativeIdsShowCurrentAddress: false, agentNeedsPowerOfAttorney: true });
    expect(other.agent).toEqual(['代理人の本人確認書類 2点（うち1点は写真付きの公的書類）', '委任状']);
  });
});
