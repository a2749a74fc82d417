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
