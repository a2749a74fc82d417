import { readInquiryNumber, type LetterStatus, type Problem } from '@madoguchi/domain';
import type { LetterCodes } from '@madoguchi/platform';

/**
 * Checking a returned reply form (回答書) against its letter: shared by the reply desk's look-up
 * and by recording `reply_returned`, so both refuse the same things with the same codes.
 */
export interface ReplyRefusal {
  /** 400 malformed, 404 no such letter, 409 the letter or case is past this, 422 a wrong code. */
  status: 400 | 404 | 409 | 422;
  problem: Problem;
}

const refusal = (status: ReplyRefusal['status'], code: string, message: string, path: string): ReplyRefusal => ({ status, problem: { code, message, path } });

/** The inquiry number as typed (any case or width, hyphens optional), or why it cannot be one. */
export function readTypedInquiryNumber(typed: string, path = 'inquiryNumber'): { ok: true; value: string } | { ok: false; refusal: ReplyRefusal } {
  const reading = readInquiryNumber(typed);
  if (reading.ok) return reading;
  return {
    ok: false,
    refusal:
      reading.code === 'mistyped'
        ? refusal(422, 'reply_inquiry_number_mistyped', '照会番号の入力に誤りがあります。回答書の照会番号をもう一度確認してください。', path)
        : refusal(400, 'reply_inquiry_number_malformed', '照会番号は9文字です（例: K7Q-M3X-A9T）。', path),
  };
}

const CHECK_CODE_REFUSALS = {
  malformed: [400, 'reply_check_code_malformed', '確認コードは6文字です（例: ABC-DEF）。'],
  mistyped: [422, 'reply_check_code_mistyped', '確認コードの入力に誤りがあります。回答書の確認コードをもう一度確認してください。'],
  mismatch: [422, 'reply_check_code_mismatch', '確認コードが照会番号と一致しません。回答書が本物か確認してください。'],
} as const;

/**
 * Does the typed check code belong to this letter, and is the letter one a reply may answer? The
 * code is checked first, so a wrong code learns nothing about the letter or its case.
 */
export function checkReplyToLetter(
  letter: { inquiryNumber: string; status: LetterStatus },
  typedCheckCode: string,
  codes: LetterCodes,
  pathPrefix = '',
): ReplyRefusal | undefined {
  const verdict = codes.verify(letter.inquiryNumber, typedCheckCode);
  if (verdict !== 'ok') {
    const [status, code, message] = CHECK_CODE_REFUSALS[verdict];
    return refusal(status, code, message, `${pathPrefix}checkCode`);
  }
  if (letter.status === 'superseded') {
    return refusal(409, 'reply_superseded', 'この照会書は再発行により無効になっています。新しい照会書の回答書が必要です。', `${pathPrefix}inquiryNumber`);
  }
  if (letter.status !== 'mailed') return refusal(409, 'reply_letter_not_mailed', 'この照会書はまだ発送されていません。', `${pathPrefix}inquiryNumber`);
  return undefined;
}
