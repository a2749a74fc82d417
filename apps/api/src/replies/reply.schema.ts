import { z } from 'zod';

/** What the counter types from a returned reply form (回答書): its inquiry number and check code. */
export const replySchema = z.strictObject({
  inquiryNumber: z.string().trim().min(1).max(40),
  checkCode: z.string().trim().min(1).max(40),
});

export type ReplyBody = z.infer<typeof replySchema>;
