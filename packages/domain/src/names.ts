/**
 * 氏名の正規化: names as typed, made uniform in width (full-width Latin letters and half-width
 * katakana become their ordinary forms) without changing which character a person's name is
 * written with. Unicode normalization (even NFC) would replace the CJK compatibility ideographs
 * (塚 U+FA10 becomes 塚 U+585A) that family registers keep apart as variant characters
 * (異体字); those are left exactly as given.
 */
const COMPATIBILITY_IDEOGRAPH = /([\uF900-\uFAFF\u{2F800}-\u{2FA1F}])/u;

export function normalizeName(text: string): string {
  return text
    .split(COMPATIBILITY_IDEOGRAPH)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC')))
    .join('')
    .trim();
}

/** フリガナ: kana as typed (hiragana, half-width katakana) as the full-width katakana the register keeps. */
export function katakanaOf(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .trim();
}

/** 氏名 as one line: family name first, then the given name, a space between (as letters and lists show it). */
export function fullName(person: { familyName: string; givenName: string } | null | undefined): string {
  return person ? `${person.familyName} ${person.givenName}` : '';
}

/**
 * 異体字 (variant characters) that names are written with, each beside the common form a clerk
 * types: 髙橋 is found by typing 高橋, 𠮷田 by 吉田. The names themselves are stored exactly as
 * given; only the search key folds them. (A migration computes the same key in SQL for rows
 * written before it: `VARIANT_FORMS` and the migration's table are kept equal by a test.)
 */
export const VARIANT_FORMS: Readonly<Record<string, string>> = Object.freeze({
  髙: '高',
  𠮷: '吉',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  齋: '斎',
  齊: '斉',
  濱: '浜',
  濵: '浜',
  櫻: '桜',
  廣: '広',
  國: '国',
  眞: '真',
  冨: '富',
  德: '徳',
  瀧: '滝',
  嶋: '島',
  嶌: '島',
  峯: '峰',
  槇: '槙',
  栁: '柳',
  藪: '薮',
  龍: '竜',
  實: '実',
  惠: '恵',
  榮: '栄',
  與: '与',
  壽: '寿',
  淺: '浅',
  圓: '円',
  關: '関',
  學: '学',
});

const VARIATION_SELECTORS = /[\u{E0100}-\u{E01EF}\uFE00-\uFE0F]/gu;

/**
 * A name's search key: widths made uniform, compatibility ideographs and variation sequences
 * (IVS) reduced to their base character, variant forms folded to the common one, no spaces. Used
 * only to find a name by its start, never to print it.
 */
export function nameSearchKey(name: string): string {
  return [
    ...name
      .normalize('NFKC')
      .replace(VARIATION_SELECTORS, '')
      .replace(/[\s\u3000]/g, ''),
  ]
    .map((ch) => VARIANT_FORMS[ch] ?? ch)
    .join('');
}

/** Whether text holds a kanji (CJK ideograph, the supplementary planes included): a search for a written name. */
export function hasKanji(text: string): boolean {
  return /[\u3400-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]/u.test(text);
}
