/**
 * Numbers people read aloud and type back: receipt numbers (受付番号), inquiry numbers (照会番号)
 * and the letter's check code (確認コード). Characters come from Crockford's alphabet, which has
 * no I, L, O or U (typed look-alikes are mapped: O → 0, I/L → 1), less Z, leaving 31 symbols: with
 * a prime count, a weighted check character catches every single mistyped character and every
 * swap of two neighbours before any look-up (Luhn mod 32 would miss swapping 0 and Z).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const N = CODE_ALPHABET.length; // 31, prime

/** Full-width to half-width, upper case, no spaces or hyphens, and Crockford's look-alikes mapped. */
export function normalizeTypedCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―ー−]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
}

function codePoint(ch: string): number {
  return CODE_ALPHABET.indexOf(ch);
}

function weightedSum(code: string): number {
  let sum = 0;
  for (let i = 0; i < code.length; i++) sum += (i + 1) * codePoint(code[i]!);
  return sum % N;
}

function inverseModN(a: number): number {
  for (let x = 1; x < N; x++) if ((a * x) % N === 1) return x;
  throw new RangeError(`no inverse of ${a} mod ${N}`);
}

/**
 * The check character c for `body` (length < 30): the one that makes Σ (i+1)·vᵢ over body and c
 * a multiple of 31. Weights differ and are non-zero mod 31, so one changed character or two
 * swapped neighbours always change the sum.
 */
export function checkCharacter(body: string): string {
  const weight = body.length + 1;
  return CODE_ALPHABET[((N - weightedSum(body)) * inverseModN(weight)) % N]!;
}

function hasValidCheckCharacter(code: string): boolean {
  return code.length > 1 && weightedSum(code) === 0;
}

/** `length` symbols drawn uniformly (bytes of 248 and above are skipped: 248 = 8 × 31). */
function randomSymbols(random: RandomBytes, length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of random(length * 2)) if (b < 248 && out.length < length) out += CODE_ALPHABET[b % N];
  }
  return out;
}

function inAlphabet(code: string): boolean {
  return [...code].every((ch) => codePoint(ch) >= 0);
}

/** `code` read in groups of `size`, hyphenated (`K7QM3XA9T` → `K7Q-M3X-A9T`). */
function group(code: string, size: number): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join('-');
}

/** Something that supplies cryptographically random bytes (the API passes node:crypto's). */
export type RandomBytes = (length: number) => Uint8Array;
/** A keyed MAC over a message (the API passes HMAC-SHA-256 with the municipality's secret). */
export type MessageAuthenticator = (message: string) => Uint8Array;

const INQUIRY_BODY_LENGTH = 8;
/** An inquiry number's characters, hyphens aside (K7Q-M3X-A9T: 9). */
export const INQUIRY_NUMBER_LENGTH = INQUIRY_BODY_LENGTH + 1;

/** A new inquiry number: 8 random characters and a check character, read in threes (`K7Q-M3X-A9T`). */
export function generateInquiryNumber(random: RandomBytes): string {
  const body = randomSymbols(random, INQUIRY_BODY_LENGTH);
  return group(body + checkCharacter(body), 3);
}

export type CodeReading = { ok: true; value: string } | { ok: false; code: 'malformed' | 'mistyped' };

/** Read a typed inquiry number: its canonical form, or whether it is malformed or mistyped. */
export function readInquiryNumber(typed: string): CodeReading {
  const code = normalizeTypedCode(typed);
  if (code.length !== INQUIRY_BODY_LENGTH + 1 || !inAlphabet(code)) return { ok: false, code: 'malformed' };
  if (!hasValidCheckCharacter(code)) return { ok: false, code: 'mistyped' };
  return { ok: true, value: group(code, 3) };
}

const CHECK_CODE_MAC_LENGTH = 5;
/** A check code's characters, hyphens aside (ABC-DEF: 6). */
export const CHECK_CODE_LENGTH = CHECK_CODE_MAC_LENGTH + 1;

/**
 * 確認コード: 5 characters of a keyed MAC over the inquiry number, and a check character. Without
 * the secret a forged reply cannot carry a matching code.
 */
export function checkCodeFor(inquiryNumber: string, mac: MessageAuthenticator): string {
  const canonical = normalizeTypedCode(inquiryNumber);
  const digest = mac(`inquiry:${canonical}`);
  // A byte mod 31 is very slightly uneven; that costs a fraction of a bit of the code's ~24.
  const body = [...digest.slice(0, CHECK_CODE_MAC_LENGTH)].map((b) => CODE_ALPHABET[b % N]).join('');
  return group(body + checkCharacter(body), 3);
}

export type CheckCodeVerdict = 'ok' | 'malformed' | 'mistyped' | 'mismatch';

/** Verify a typed check code for an inquiry number: a typo is told apart from a wrong code. */
export function verifyCheckCode(inquiryNumber: string, typed: string, mac: MessageAuthenticator): CheckCodeVerdict {
  const code = normalizeTypedCode(typed);
  if (code.length !== CHECK_CODE_MAC_LENGTH + 1 || !inAlphabet(code)) return 'malformed';
  if (!hasValidCheckCharacter(code)) return 'mistyped';
  const expected = normalizeTypedCode(checkCodeFor(inquiryNumber, mac));
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ code.charCodeAt(i);
  return difference === 0 ? 'ok' : 'mismatch';
}

const OFFICE_CODE = /^[A-Z0-9]{1,8}$/;
const MUNICIPALITY_CODE = /^\d{6}$/;
/** With its municipality's code (`131083-HQ-2026-00042`), or, as a clerk may type it in their own city, without. */
const RECEIPT_NUMBER = /^(?:(\d{6})-)?([A-Z0-9]{1,8})-(\d{4})-(\d{5,})$/;

/** The running number of a receipt number is zero-padded to at least this many digits. */
export const RECEIPT_SEQUENCE_DIGITS = 5;

/**
 * 受付番号 `131083-HQ-2026-00042`: the municipality's code (全国地方公共団体コード), the office code (each
 * municipality's own), the year, and the office's running number for that year. The municipality's
 * code keeps it unambiguous on a platform where two cities both have an HQ; at its own counter a
 * number is found without it.
 */
export function formatReceiptNumber(municipalityCode: string, officeCode: string, year: number, sequence: number): string {
  if (!MUNICIPALITY_CODE.test(municipalityCode)) throw new RangeError(`municipality code must be 6 digits: ${municipalityCode}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence: ${sequence}`);
  return `${municipalityCode}-${receiptNumberPrefix(officeCode, year)}${String(sequence).padStart(RECEIPT_SEQUENCE_DIGITS, '0')}`;
}

/**
 * What follows the municipality's code and comes before the running number (`HQ-2026-`): for a
 * statement that takes the next number and writes the case at once, and pads it to
 * RECEIPT_SEQUENCE_DIGITS as formatReceiptNumber does.
 */
export function receiptNumberPrefix(officeCode: string, year: number): string {
  if (!OFFICE_CODE.test(officeCode)) throw new RangeError(`office code must be 1-8 capital letters or digits: ${officeCode}`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year: ${year}`);
  return `${officeCode}-${year}-`;
}

/** A typed receipt number, read loosely (widths, case, spaces); `municipalityCode` only when it was typed. */
export function parseReceiptNumber(typed: string): { municipalityCode?: string; officeCode: string; year: number; sequence: number } | undefined {
  const m = RECEIPT_NUMBER.exec(typed.normalize('NFKC').trim().toUpperCase());
  if (!m) return undefined;
  return { ...(m[1] ? { municipalityCode: m[1] } : {}), officeCode: m[2]!, year: Number(m[3]), sequence: Number(m[4]) };
}
