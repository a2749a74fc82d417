import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  checkCharacter,
  checkCodeFor,
  CODE_ALPHABET,
  formatReceiptNumber,
  generateInquiryNumber,
  normalizeTypedCode,
  parseReceiptNumber,
  readInquiryNumber,
  verifyCheckCode,
} from './numbers';

const mac = (secret: string) => (message: string) => createHmac('sha256', secret).update(message).digest();
const random = (n: number) => randomBytes(n);
const READABLE = /^[0-9A-Z-]+$/;

describe('inquiry numbers', () => {
  it('are 9 readable characters in threes, and read back as themselves', () => {
    for (let i = 0; i < 200; i++) {
      const number = generateInquiryNumber(random);
      expect(number).toMatch(/^[0-9A-HJKMNP-TV-Y]{3}-[0-9A-HJKMNP-TV-Y]{3}-[0-9A-HJKMNP-TV-Y]{3}$/);
      expect(readInquiryNumber(number)).toEqual({ ok: true, value: number });
    }
  });

  it('accept what a clerk types: lower case, full width, spaces, O for 0 and I or L for 1', () => {
    const number = generateInquiryNumber((n) => Uint8Array.from({ length: n }, (_, i) => i));
    expect(number.startsWith('012-345-67')).toBe(true);
    const typed = `ｏｉ２ ${number.slice(4).toLowerCase().replace('-', ' ')}`;
    expect(readInquiryNumber(typed)).toEqual({ ok: true, value: number });
    expect(normalizeTypedCode('oIlU-')).toBe('011V');
  });

  it('tell a mistyped number (one character changed, or two swapped) from a malformed one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.nat(8), fc.nat(31), (bytes, at, shift) => {
        const number = normalizeTypedCode(generateInquiryNumber(() => bytes));
        const changed = CODE_ALPHABET[(CODE_ALPHABET.indexOf(number[at]!) + 1 + (shift % 30)) % 31]!;
        const typo = number.slice(0, at) + changed + number.slice(at + 1);
        expect(readInquiryNumber(typo)).toEqual({ ok: false, code: 'mistyped' });
        if (at < 8 && number[at] !== number[at + 1]) {
          const swapped = number.slice(0, at) + number[at + 1] + number[at] + number.slice(at + 2);
          expect(readInquiryNumber(swapped)).toEqual({ ok: false, code: 'mistyped' });
        }
      }),
      { numRuns: 500 },
    );
    expect(readInquiryNumber('ABC-DEF')).toEqual({ ok: false, code: 'malformed' });
    expect(readInquiryNumber('ABC-DEF-GH!')).toEqual({ ok: false, code: 'malformed' });
  });
});

describe('check codes', () => {
  const secret = mac('municipality-secret');

  it('are 6 readable characters, fixed for the number and the secret', () => {
    const number = generateInquiryNumber(random);
    const code = checkCodeFor(number, secret);
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    expect(code).toMatch(READABLE);
    expect(checkCodeFor(number.toLowerCase(), secret)).toBe(code);
    expect(verifyCheckCode(number, code, secret)).toBe('ok');
    expect(verifyCheckCode(number, code.toLowerCase().replace('-', ' '), secret)).toBe('ok');
  });

  it('catch a typo in the code itself', () => {
    const number = generateInquiryNumber(random);
    const code = normalizeTypedCode(checkCodeFor(number, secret));
    const typo = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[0]!) + 1) % 31] + code.slice(1);
    expect(verifyCheckCode(number, typo, secret)).toBe('mistyped');
    expect(verifyCheckCode(number, 'ABC', secret)).toBe('malformed');
  });

  it('refuse a well-formed code made without the secret (a forged reply) or for another letter', () => {
    const number = generateInquiryNumber(random);
    expect(verifyCheckCode(number, checkCodeFor(number, mac('guessed-secret')), secret)).toBe('mismatch');
    const other = generateInquiryNumber(random);
    expect(verifyCheckCode(number, checkCodeFor(other, secret), secret)).toBe('mismatch');
  });

  it('the check character makes the weighted sum a multiple of 31', () => {
    expect(checkCharacter('0')).toBe('0');
    // 1·1 + 2·c ≡ 0 (mod 31) → c = 15
    expect(checkCharacter('1')).toBe(CODE_ALPHABET[15]);
  });

  it('a typed Z is not a character of these codes', () => {
    expect(readInquiryNumber('ZZZ-ZZZ-ZZZ')).toEqual({ ok: false, code: 'malformed' });
  });
});

describe('receipt numbers', () => {
  it('read municipality, office, year and running number aloud', () => {
    expect(formatReceiptNumber('131083', 'HQ', 2026, 42)).toBe('131083-HQ-2026-00042');
    expect(formatReceiptNumber('131083', 'EAST', 2026, 123456)).toBe('131083-EAST-2026-123456');
    expect(parseReceiptNumber(' 131083-hq-2026-00042 ')).toEqual({ municipalityCode: '131083', officeCode: 'HQ', year: 2026, sequence: 42 });
    expect(parseReceiptNumber('１３１０８３－ＨＱ－２０２６－０００４２'.replaceAll('－', '-'))).toEqual({
      municipalityCode: '131083',
      officeCode: 'HQ',
      year: 2026,
      sequence: 42,
    });
    expect(parseReceiptNumber('HQ-26-42')).toBeUndefined();
  });

  it("read one typed without its municipality (at the city's own counter), an office code of digits included", () => {
    expect(parseReceiptNumber('hq-2026-00042')).toEqual({ officeCode: 'HQ', year: 2026, sequence: 42 });
    expect(parseReceiptNumber('123456-2026-00042')).toEqual({ officeCode: '123456', year: 2026, sequence: 42 });
    expect(parseReceiptNumber('131083-123456-2026-00042')).toEqual({ municipalityCode: '131083', officeCode: '123456', year: 2026, sequence: 42 });
  });

  it.each([
    ['131083', 'hq', 2026, 1],
    ['131083', 'HQ', 1999, 1],
    ['131083', 'HQ', 2026, 0],
    ['131083', 'TOOLONGCODE', 2026, 1],
    ['13108', 'HQ', 2026, 1],
  ])('refuse to make %s-%s-%i-%i', (municipality, office, year, seq) => {
    expect(() => formatReceiptNumber(municipality, office, year, seq)).toThrow(RangeError);
  });
});
