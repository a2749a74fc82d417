import { z } from 'zod';
import { plainText } from './fields';

/** What the counter types from a returned reply form (回答書): its inquiry number and check code. */
export const replySchema = z.strictObject({
  inquiryNumber: plainText.pipe(z.string().trim().min(1).max(40)),
  checkCode: plainText.pipe(z.string().trim().min(1).max(40)),
});
export type ReplyBody = z.input<typeof replySchema>;
export type ReplyRequest = z.output<typeof replySchema>;
