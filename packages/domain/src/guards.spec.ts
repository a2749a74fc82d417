import fc from 'fast-check';
import { findSecrets, freeTextRefusals, individualNumberCheckDigit, isValidIndividualNumber, isVisibleText, textFormProblems } from './guards';

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
    expect(findSecrets(text)).toEqual(expect.arrayContaining(kinds));
  });

  it.each([
    ['暗証番号:4821', 'pin_named'],
    ['PIN:4821', 'pin_named'],
    ['暗証番号は 4-8-2-1 です', 'pin_named'],
    ['4 8 2 1', 'pin_like'],
    ['4.8.2.1', 'pin_like'],
    ['٤٨٢١', 'pin_like'],
    ['𝟒𝟖𝟐𝟏', 'pin_like'],
    ['12\u200b34', 'pin_like'],
    ['暗証番号はAB12-CD34', 'signature_pin_like'],
    ['1234.5678.9018', 'individual_number'],
    ['1234/5678/9018', 'individual_number'],
    ['ID123456789018', 'individual_number'],
    ['１２３４\u200d５６７８９０１８', 'individual_number'],
    ['番号 ١٢٣٤٥٦٧٨٩٠١٨', 'individual_number'],
  ])('sees through the disguise %j', (text, kind) => {
    expect(findSecrets(text)).toContain(kind);
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
    '11/30 に郵送',
    '2026-11-30 10:30 来庁',
    'ハイツ1203',
    '暗証番号の再設定を希望、4月に再来庁',
    'パスワードは2回間違えた',
    'passport 2099-01-01',
  ])('leaves ordinary remarks alone: %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('disguises, generated', () => {
  const SCRIPTS = [0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x1d7ce]; // ASCII, full-width, Arabic-Indic, Persian, Devanagari, mathematical bold
  const INVISIBLE = ['', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
  const inScript = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
  const validNumber = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
    .map((ds) => ds.join(''))
    .map((first11) => `${first11}${individualNumberCheckDigit(first11)}`);

  it('finds every valid individual number, whatever its digits, separators and invisible characters', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom(...SCRIPTS),
        fc.constantFrom('', ' ', '.', '/', '-', '_', ','),
        fc.constantFrom(...INVISIBLE),
        fc.constantFrom('', 'ID', '個人番号は', 'No.'),
        (number, zero, separator, invisible, prefix) => {
          const grouped = [number.slice(0, 4), number.slice(4, 8), number.slice(8)].map((g) => inScript(g, zero)).join(separator);
          const text = `${prefix}${[...grouped].join(invisible)} を確認`;
          expect(findSecrets(text)).toContain('individual_number');
        },
      ),
    );
  });

  it('finds four digits after a word about PINs, whatever stands between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }).map((ds) => ds.join('')),
        fc.constantFrom('暗証番号', '暗証', 'PIN', 'pin', 'パスワード', 'ピン', 'passcode'),
        fc.constantFrom('', ' ', ':', '：', 'は', '＝', '「'),
        fc.constantFrom('', ' ', '-', '.'),
        fc.constantFrom(...SCRIPTS),
        (digits, word, connector, separator, zero) => {
          const text = `${word}${connector}${[...inScript(digits, zero)].join(separator)}`;
          expect(freeTextRefusals(text, 'note', 'label').map((r) => r.code)).toContain('text_contains_pin');
        },
      ),
    );
  });

  it('leaves times, dates and lot numbers alone, in any script', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (h, m, mo, d) => {
          const text = `${mo}/${d} ${h}:${String(m).padStart(2, '0')} 来庁、東陽${mo}-${d}-${h}`;
          expect(findSecrets(text)).toEqual([]);
        },
      ),
    );
  });
});

describe('freeTextRefusals', () => {
  it('refuses in an address only what is named a PIN or is an individual number: room and lot numbers stay', () => {
    expect(freeTextRefusals('東京都江東区東陽4-11-28 ハイツ1203', 'holder.address', 'label')).toEqual([]);
    expect(freeTextRefusals('東京都江東区東陽4-11-28 1203', 'holder.address', 'label')).toEqual([]);
    expect(freeTextRefusals('暗証番号 4821', 'holder.address', 'label').map((r) => r.code)).toEqual(['text_contains_pin']);
    expect(freeTextRefusals('ID123456789018', 'holder.address', 'label').map((r) => r.code)).toEqual(['text_contains_individual_number']);
  });

  it('refuses with a Japanese message that does not repeat the value', () => {
    const problems = freeTextRefusals('暗証番号 4321、個人番号 123456789018', 'note');
    expect(problems.map((p) => p.code)).toEqual(['text_contains_individual_number', 'text_contains_pin']);
    for (const p of problems) {
      expect(p.path).toBe('note');
      expect(p.message).not.toMatch(/4321|123456789018/);
    }
  });

  it('accepts a clean note', () => expect(freeTextRefusals('代理人は長男。次回は水曜の夜間窓口を希望。', 'note')).toEqual([]));
});

describe('textFormProblems and isVisibleText', () => {
  it.each([
    ['山田\u0000花子', ['text_control_character']],
    ['bell\u0007', ['text_control_character']],
    ['\ud800', ['text_malformed_unicode']],
    ['a\udc00b', ['text_malformed_unicode']],
    ['東陽\u202E82-11-4', ['text_direction_override']],
    ['\u2066x\u2069', ['text_direction_override']],
  ])('refuses %j', (text, problems) => expect(textFormProblems(text)).toEqual(problems));

  it.each(['髙橋', '𠮷田', '葛\u{E0100}飾', '\uE000', '1行目\n2行目\tタブ', 'Ａｂｃ'])('keeps %j', (text) => expect(textFormProblems(text)).toEqual([]));

  it('tells a name of invisible characters from one that shows', () => {
    expect(isVisibleText('\u200b\u200d\u3000 ')).toBe(false);
    expect(isVisibleText('\uFE0F')).toBe(false);
    expect(isVisibleText('葛\u{E0100}')).toBe(true);
    expect(isVisibleText('\uE000')).toBe(true);
  });
});
