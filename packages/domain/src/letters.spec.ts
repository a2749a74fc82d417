import { CASE_STATE, LETTER_STATUS } from './codes';
import { awaitsPrinting, mailingEffect, reissueProblem, retryProblem } from './letters';
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
    expect(reissueProblem('inquiry_mailed', 'mailed')).toBeUndefined();
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
    expect(reissueProblem(state, letter)?.code).toBe(code);
  });
});

describe('retry', () => {
  it('is only for a failed letter', () => {
    expect(LETTER_STATUS.values.filter((s) => retryProblem(s) === undefined)).toEqual(['failed']);
  });
});
