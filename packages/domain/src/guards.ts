import { refusal, type Refusal } from './refusals';

/**
 * Guards for free text (notes, addresses, names of staff): the system must never hold a PIN or a
 * 12-digit individual number (個人番号), so text that seems to contain one is refused, without
 * ever echoing what was found. Disguises are undone first: every script's digits read as 0–9,
 * full-width forms folded, invisible characters dropped, and digits split by separators joined.
 */

/** The individual number's check digit (総務省令): weights 2–7 then 2–6 from the right. */
export function individualNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidIndividualNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && individualNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

export type SecretKind =
  /** Twelve digits with a valid check digit. */
  | 'individual_number'
  /** Twelve digits that fail the check digit: a mistyped individual number is still one. */
  | 'twelve_digit_number'
  /** Four digits standing alone (no unit, not part of a time, date or address). */
  | 'pin_like'
  /** Digits or letters right after a word about PINs (暗証番号: 4821), whatever separates them. */
  | 'pin_named'
  /** 6–16 capital letters and digits, both, near a word about PINs. */
  | 'signature_pin_like';

/** The value of a decimal digit of any script (٤, ४, ４, 𝟜…): its distance from the zero of its run of ten. */
function digitValue(char: string): number {
  let code = char.codePointAt(0)!;
  let steps = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(code - 1)) && steps < 80) {
    code--;
    steps++;
  }
  return steps % 10;
}

/**
 * The text as the guard reads it: compatibility forms folded (NFKC), every decimal digit as
 * ASCII, and format characters (zero-width spaces and joiners, direction marks, soft hyphens)
 * dropped, so that none of them can hide a number.
 */
export function unmaskText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : String(digitValue(d))));
}

// The characters that may split a number into groups (1234 5678 9018, 1234.5678.9018).
const SEPARATORS = [' ', '.', '/', ',', '_', ':', '-'];
const SEPARATOR = String.raw`[ .\/,_:\-]`;
// Twelve digits in a row, letters next to them or not (ID123456789018).
const TWELVE = /(?<!\d)\d{12}(?!\d)/g;
// Runs of digit groups split by one and the same separator.
const GROUPED = SEPARATORS.map((sep) => new RegExp(`(?<!\\d)\\d+(?:\\${sep}\\d+)+(?!\\d)`, 'g'));
// Four single digits split by one separator each (4 8 2 1, 4.8.2.1).
const SPACED_FOUR = new RegExp(String.raw`(?<![\dA-Za-z])\d(${SEPARATOR})\d\1\d\1\d(?![\dA-Za-z]|${SEPARATOR}\d)`);
// Digits written onto a word are part of its name (ハイツ1203, A1234), not a PIN standing alone.
const FOUR = /(?<![A-Za-z0-9\p{Script=Katakana}ー])\d{4}(?![0-9])/gu;
// A standalone 4-digit number that is a quantity or a date part is not a PIN.
const UNIT_AFTER = /^\s?(年|月|日|時|分|秒|円|歳|才|号|番地|丁目|件|人|回|個|枚|点|階|名|km|m|g|kg|%|％)/;
const PIN_WORD = /暗証(?:番号)?|パスワード|PIN|ピン|pass(?:word|code)?(?!port)/gi;
// What may stand between a PIN word and its value: spaces, colons, equals, は/が/を, brackets.
const CONNECTOR = /^[\s:=はがを「『（(【[]*/u;
// The value itself: letters and digits, in chunks split by one separator each.
const NAMED_VALUE = new RegExp(String.raw`^[A-Za-z0-9]+(?:${SEPARATOR}[A-Za-z0-9]+)*`);
const SIGNATURE_LIKE = /(?<![A-Z0-9])(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6,16}(?![A-Z0-9])/;

/** What kinds of secret-looking values `text` holds (kinds only: the values are never returned). */
export function findSecrets(text: string): SecretKind[] {
  const unmasked = unmaskText(text);
  // Every kind is digits, or holds one (a PIN word's value counts its digits): most names and many
  // notes have none, and a registration checks up to seven texts.
  if (!/[0-9]/.test(unmasked)) return [];
  const found = new Set<SecretKind>();
  for (const match of unmasked.matchAll(TWELVE)) found.add(isValidIndividualNumber(match[0]) ? 'individual_number' : 'twelve_digit_number');
  // Grouped, twelve digits of consecutive groups are a candidate when their check digit holds (a
  // date and a time side by side split by one separator are twelve digits too, now and then).
  for (const pattern of GROUPED) {
    for (const match of unmasked.matchAll(pattern)) {
      const groups = match[0].split(/\D/);
      for (let i = 0; i < groups.length; i++) {
        let digits = '';
        for (let j = i; j < groups.length && digits.length < 12; j++) digits += groups[j];
        if (isValidIndividualNumber(digits)) found.add('individual_number');
      }
    }
  }
  for (const match of unmasked.matchAll(FOUR)) {
    const before = unmasked[match.index - 1] ?? '';
    const after = unmasked.slice(match.index + 4);
    const grouped = /\d[ ]$/.test(unmasked.slice(0, match.index)) || /^[ ]\d/.test(after);
    const partOfSomething = UNIT_AFTER.test(after) || /[:/.,-]/.test(before) || /^[:/.,-]\d/.test(after) || grouped;
    if (!partOfSomething) found.add('pin_like');
  }
  if (SPACED_FOUR.test(unmasked)) found.add('pin_like');
  for (const word of unmasked.matchAll(PIN_WORD)) {
    const rest = unmasked.slice(word.index + word[0].length);
    const value = NAMED_VALUE.exec(rest.replace(CONNECTOR, ''))?.[0].replace(/[^A-Za-z0-9]/g, '') ?? '';
    if ((value.match(/\d/g)?.length ?? 0) >= 4) found.add('pin_named');
    if (SIGNATURE_LIKE.test(value.toUpperCase())) found.add('signature_pin_like');
  }
  return [...found];
}

export type SecretScope =
  /** A remark (note): any secret-looking value, a standalone 4-digit number included. */
  | 'remark'
  /** An address or a name: numbers are ordinary there (ハイツ1203, 4-11-28), so only what is named a PIN or is twelve digits. */
  | 'label';

const NUMBER_KINDS: readonly SecretKind[] = ['individual_number', 'twelve_digit_number'];
const PIN_KINDS: Record<SecretScope, readonly SecretKind[]> = {
  remark: ['pin_like', 'pin_named', 'signature_pin_like'],
  label: ['pin_named', 'signature_pin_like'],
};

/** Refusals with a free-text field; empty when it can be stored. */
export function freeTextRefusals(text: string, path: string, scope: SecretScope = 'remark'): Refusal[] {
  const kinds = findSecrets(text);
  const problems: Refusal[] = [];
  if (kinds.some((k) => NUMBER_KINDS.includes(k))) problems.push(refusal('text_contains_individual_number', undefined, path));
  if (kinds.some((k) => PIN_KINDS[scope].includes(k))) problems.push(refusal('text_contains_pin', undefined, path));
  return problems;
}

export type TextFormProblem = 'text_control_character' | 'text_malformed_unicode' | 'text_direction_override';

// Control characters but tab and line breaks (NUL among them: PostgreSQL cannot store it).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can make a note read other than it is.
const DIRECTION_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * What makes text unfit to store, whatever it says: control characters, unpaired surrogates,
 * direction overrides. Variant characters (髙, 𠮷, IVS sequences) and private-use characters
 * (where municipal systems keep their 外字) are fine.
 */
export function textFormProblems(text: string): TextFormProblem[] {
  const problems: TextFormProblem[] = [];
  if (CONTROL.test(text)) problems.push('text_control_character');
  if (!isWellFormed(text)) problems.push('text_malformed_unicode');
  if (DIRECTION_OVERRIDE.test(text)) problems.push('text_direction_override');
  return problems;
}

function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Whether text shows anything: not only spaces, format characters (zero-width…) and variation selectors. */
export function isVisibleText(text: string): boolean {
  return text.replace(/[\p{Z}\s\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, '') !== '';
}
