import { fullName, hasKanji, katakanaOf, nameSearchKey, normalizeName } from './names';

describe('normalizeName', () => {
  it('makes widths uniform: full-width Latin letters, half-width katakana with their voicing marks, the ideographic space', () => {
    expect(normalizeName('ＡＮＮＡ　ｶﾞｰﾃﾞﾝ ')).toBe('ANNA ガーデン');
  });

  it('keeps variant characters (CJK compatibility ideographs) exactly as given, where NFC and NFKC would replace them', () => {
    const name = '\uFA10本 \uFA11子'; // 塚 and 﨑 in their compatibility code points
    expect('\uFA10'.normalize('NFC')).not.toBe('\uFA10');
    expect(normalizeName(name)).toBe(name);
    expect(normalizeName('ｶﾞ\uFA10ｶﾞ')).toBe('ガ\uFA10ガ');
  });

  it('keeps characters beyond the BMP (𠮷) and ordinary kanji as they are', () => {
    expect(normalizeName('𠮷田 髙橋')).toBe('𠮷田 髙橋');
  });
});

describe('katakanaOf', () => {
  it('turns hiragana and half-width katakana into full-width katakana, keeping the space between names', () => {
    expect(katakanaOf(' こうとう ﾊﾅｺ ')).toBe('コウトウ ハナコ');
    expect(katakanaOf('ヴァイオリン')).toBe('ヴァイオリン');
  });
});

describe('fullName', () => {
  it('puts the family name first, a space between, and is empty for nobody', () => {
    expect(fullName({ familyName: '𠮷田', givenName: '花子' })).toBe('𠮷田 花子');
    expect(fullName(undefined)).toBe('');
  });
});

describe('nameSearchKey', () => {
  it('folds variant forms, compatibility ideographs, variation sequences and widths, so a common form finds its variant', () => {
    expect(nameSearchKey('髙橋 一郎')).toBe(nameSearchKey('高橋一郎'));
    expect(nameSearchKey('𠮷田')).toBe('吉田');
    expect(nameSearchKey('\uFA10本')).toBe('塚本');
    expect(nameSearchKey('葛\u{E0100}城')).toBe('葛城');
    expect(nameSearchKey('渡邊')).toBe(nameSearchKey('渡辺'));
    expect(nameSearchKey('ＡＢ　ｶﾅ')).toBe('ABカナ');
  });

  it('knows a kanji entry from a kana one', () => {
    expect([hasKanji('山田'), hasKanji('𠮷'), hasKanji('ヤマダ'), hasKanji('HQ-2026-1')]).toEqual([true, true, false, false]);
  });
});
