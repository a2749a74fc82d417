import { ROLE } from '@madoguchi/domain';
import { z } from 'zod';
import { plainText, searchText, visibleText } from './fields';

/** A password an administrator sets: long enough to resist guessing, short enough to type. */
const password = z.string().min(12, { error: 'password_too_short' }).max(128, { error: 'password_too_long' });
const displayName = visibleText.pipe(z.string().trim().min(1).max(100));

/** `POST /api/users`. */
export const createStaffSchema = z.strictObject({
  username: plainText.pipe(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9_.-]{3,64}$/, { error: 'username_malformed' }),
  ),
  displayName,
  role: z.enum(ROLE.values),
  officeId: z.uuid(),
  password,
});
export type CreateStaffBody = z.input<typeof createStaffSchema>;
export type CreateStaffRequest = z.output<typeof createStaffSchema>;

/** `PUT /api/users/:id`: what an administrator may change; `active: false` also ends the user's logins at once. */
export const updateStaffSchema = z.strictObject({
  displayName: displayName.optional(),
  role: z.enum(ROLE.values).optional(),
  officeId: z.uuid().optional(),
  active: z.boolean().optional(),
});
export type UpdateStaffBody = z.input<typeof updateStaffSchema>;
export type UpdateStaffRequest = z.output<typeof updateStaffSchema>;

/** `POST /api/users/:id/password`. */
export const resetPasswordSchema = z.strictObject({ password });
export type ResetPasswordBody = z.input<typeof resetPasswordSchema>;

/** `GET /api/users`'s `filter`. */
export const staffListFilterSchema = z.strictObject({
  role: z.enum(ROLE.values).optional(),
  officeId: z.uuid().optional(),
  active: z.boolean().optional(),
  q: searchText(64).optional(),
  id: z.array(z.uuid()).max(100).optional(),
});
export const STAFF_LIST_SORTABLE = ['username', 'displayName', 'role', 'createdAt'] as const;

/** `POST /api/auth/login`. */
export const loginSchema = z.strictObject({
  username: plainText.pipe(z.string().min(1).max(64)),
  password: plainText.pipe(z.string().min(1).max(256)),
  /** 団体コード (6 digits): needed only when the username is also another municipality's on the platform. */
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.input<typeof loginSchema>;
export type LoginRequest = z.output<typeof loginSchema>;
