import { CHECK_CODE_LENGTH, INQUIRY_NUMBER_LENGTH, readInquiryNumber, refusal, type LetterStatus, type Refusal } from '@madoguchi/domain';
import type { LetterCodes } from '@madoguchi/platform';

/**
 * Checking a returned reply form (回答書) against its letter: shared by the reply desk's look-up
 * and by recording `reply_returned`, so both refuse the same things with the same codes (their
 * kinds: malformed 400, mistyped or forged 422, a letter past this 409).
 */

/** The inquiry number as typed (any case or width, hyphens optional), or why it cannot be one. */
export function readTypedInquiryNumber(typed: string, path = 'inquiryNumber'): { ok: true; value: string } | { ok: false; refusal: Refusal } {
  const reading = readInquiryNumber(typed);
  if (reading.ok) return reading;
  return {
    ok: false,
    refusal:
      reading.code === 'mistyped'
        ? refusal('reply_inquiry_number_mistyped', undefined, path)
        : refusal('reply_inquiry_number_malformed', { length: INQUIRY_NUMBER_LENGTH }, path),
  };
}

/**
 * Does the typed check code belong to this letter, and is the letter one a reply may answer? The
 * code is checked first, so a wrong code learns nothing about the letter or its case.
 */
export function checkReplyToLetter(
  letter: { inquiryNumber: string; status: LetterStatus },
  typedCheckCode: string,
  codes: LetterCodes,
  pathPrefix = '',
): Refusal | undefined {
  const verdict = codes.verify(letter.inquiryNumber, typedCheckCode);
  const codePath = `${pathPrefix}checkCode`;
  if (verdict === 'malformed') return refusal('reply_check_code_malformed', { length: CHECK_CODE_LENGTH }, codePath);
  if (verdict === 'mistyped') return refusal('reply_check_code_mistyped', undefined, codePath);
  if (verdict === 'mismatch') return refusal('reply_check_code_mismatch', undefined, codePath);
  const numberPath = `${pathPrefix}inquiryNumber`;
  if (letter.status === 'superseded') return refusal('reply_superseded', undefined, numberPath);
  if (letter.status !== 'mailed') return refusal('reply_letter_not_mailed', undefined, numberPath);
  return undefined;
}
