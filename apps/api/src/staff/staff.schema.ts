import { ROLE } from '@madoguchi/domain';
import { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

/** A password an administrator sets: long enough to resist guessing, short enough to type. */
const password = z.string().min(12, { error: 'パスワードは12文字以上にしてください。' }).max(128, { error: 'パスワードは128文字以内にしてください。' });
const displayName = z.string().trim().min(1).max(100);

export const createStaffSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/, { error: 'ユーザー名は3〜64文字の英小文字・数字・記号（_ . -）です。' }),
  displayName,
  role: z.enum(ROLE.values),
  officeId: z.uuid(),
  password,
});
export type CreateStaffBody = z.infer<typeof createStaffSchema>;

/** What an administrator may change; `active: false` also ends the user's logins at once. */
export const updateStaffSchema = z.strictObject({
  displayName: displayName.optional(),
  role: z.enum(ROLE.values).optional(),
  officeId: z.uuid().optional(),
  active: z.boolean().optional(),
});
export type UpdateStaffBody = z.infer<typeof updateStaffSchema>;

export const resetPasswordSchema = z.strictObject({ password });

export const staffListQuerySchema = simpleRestQuery(
  z.strictObject({
    role: z.enum(ROLE.values).optional(),
    officeId: z.uuid().optional(),
    active: z.boolean().optional(),
    q: z.string().trim().min(1).max(64).optional(),
    id: z.array(z.uuid()).max(100).optional(),
  }),
  ['username', 'displayName', 'role', 'createdAt'] as const,
);
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;
