import { problem, type Problem } from './problems';

/**
 * Guards for free text (the clerk's note): the system must never hold a PIN or a 12-digit
 * individual number (個人番号), so text that seems to contain one is refused, without ever
 * echoing what was found.
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

export type SecretKind = 'individual_number' | 'twelve_digit_number' | 'pin_like' | 'signature_pin_like';

// A run of digits, possibly grouped by single spaces or hyphens (1234 5678 9012, 1234-5678-9012).
const DIGIT_RUN = /(?<![A-Za-z0-9])\d(?:[ -]?\d)*(?![0-9])/g;
// A standalone 4-digit number that is a quantity or a date part is not a PIN.
const UNIT_AFTER = /^\s?(年|月|日|時|分|秒|円|歳|才|号|番地|丁目|件|人|回|個|枚|点|階|名|km|m|g|kg|%|％)/;
const PIN_WORD = /暗証|パスワード|ＰＩＮ|PIN|ピン|pass/i;
const SIGNATURE_LIKE = /(?<![A-Z0-9])(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6,16}(?![A-Z0-9])/g;

/** What kinds of secret-looking values `text` holds (kinds only: the values are never returned). */
export function findSecrets(text: string): SecretKind[] {
  const normalized = text.normalize('NFKC');
  const found = new Set<SecretKind>();
  for (const match of normalized.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    const end = match.index + match[0].length;
    const before = normalized[match.index - 1] ?? '';
    const after = normalized.slice(end);
    if (digits.length === 12) found.add(isValidIndividualNumber(digits) ? 'individual_number' : 'twelve_digit_number');
    else if (digits.length === 4 && match[0] === digits && !UNIT_AFTER.test(after) && !/[:/.,]/.test(before) && !/^[:/.,]\d/.test(after)) {
      found.add('pin_like');
    }
  }
  // A signature PIN (6–16 capital letters and digits, both) only counts near a word about PINs.
  if (PIN_WORD.test(normalized) && SIGNATURE_LIKE.test(normalized.toUpperCase())) found.add('signature_pin_like');
  SIGNATURE_LIKE.lastIndex = 0;
  return [...found];
}

/** Problems with a free-text field; empty when it can be stored. */
export function freeTextProblems(text: string, path: string): Problem[] {
  const kinds = findSecrets(text);
  const problems: Problem[] = [];
  if (kinds.includes('individual_number') || kinds.includes('twelve_digit_number')) {
    problems.push(problem('text_contains_individual_number', '個人番号（マイナンバー）と思われる12桁の数字が含まれています。個人番号は記録できません。', path));
  }
  if (kinds.includes('pin_like') || kinds.includes('signature_pin_like')) {
    problems.push(problem('text_contains_pin', '暗証番号と思われる文字列が含まれています。暗証番号は記録できません（数字には「年」「円」などの単位を付けてください）。', path));
  }
  return problems;
}
