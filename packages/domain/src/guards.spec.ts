import { findSecrets, freeTextProblems, individualNumberCheckDigit, isValidIndividualNumber } from './guards';

describe('individual number check digit', () => {
  it('follows the published algorithm (123456789018 is the usual example)', () => {
    expect(individualNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidIndividualNumber('123456789018')).toBe(true);
    expect(isValidIndividualNumber('123456789012')).toBe(false);
    expect(isValidIndividualNumber('12345678901')).toBe(false);
  });
});

describe('findSecrets', () => {
  it.each([
    ['個人番号 123456789018 を確認', ['individual_number']],
    ['1234 5678 9018', ['individual_number']],
    ['１２３４－５６７８－９０１８', ['individual_number']],
    ['番号は123456789012でした', ['twelve_digit_number']],
    ['暗証番号は1234です', ['pin_like']],
    ['0000', ['pin_like']],
    ['PIN: ab12cd34', ['signature_pin_like']],
    ['パスワードはＡＢＣ１２３', ['signature_pin_like']],
  ])('finds a secret in %j', (text, kinds) => {
    expect(findSecrets(text)).toEqual(kinds);
  });

  it.each([
    '令和8年11月24日 14時30分来庁',
    '2026年に転居',
    '電話 03-1234-5678 に連絡済み',
    '〒135-8383 東京都江東区東陽4-11-28',
    '2026-11-24 来庁予定',
    '10:30 に再来庁',
    '受付番号 HQ-2026-00042',
    '照会番号 K7Q-M3X-A9T を確認',
    '手数料 1000円',
    '本人確認書類 2点 確認済み',
  ])('leaves ordinary remarks alone: %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('freeTextProblems', () => {
  it('refuses with a Japanese message that does not repeat the value', () => {
    const problems = freeTextProblems('暗証番号 4321、個人番号 123456789018', 'note');
    expect(problems.map((p) => p.code)).toEqual(['text_contains_individual_number', 'text_contains_pin']);
    for (const p of problems) {
      expect(p.path).toBe('note');
      expect(p.message).not.toMatch(/4321|123456789018/);
    }
  });

  it('accepts a clean note', () => expect(freeTextProblems('代理人は長男。次回は水曜の夜間窓口を希望。', 'note')).toEqual([]));
});
