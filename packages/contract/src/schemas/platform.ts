import { POLICY_PRESETS } from '@madoguchi/domain';
import { z } from 'zod';
import { address, plainText, postalCode, visibleText } from './fields';
import { createStaffSchema, loginSchema } from './users';

// The platform's routes (`/api/platform/…`): its operators onboard and suspend municipalities and
// see counts. Nothing here carries a case, a name of a resident or a letter.

const name = visibleText.pipe(z.string().trim().min(1).max(100));

/** `POST /api/platform/auth/login`. */
export const platformLoginSchema = loginSchema.omit({ municipalityCode: true });
export type PlatformLoginBody = z.input<typeof platformLoginSchema>;

export const platformLoginAnswerSchema = z.strictObject({
  accessToken: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  operator: z.strictObject({ id: z.uuid(), username: z.string(), displayName: z.string() }),
});
export type PlatformLoginAnswer = z.output<typeof platformLoginAnswerSchema>;

/** `POST /api/platform/municipalities/:id/offices`, and the first office of an onboarding. */
export const newOfficeSchema = z.strictObject({
  /** Printed in receipt numbers; the municipality's own (another may have the same). */
  code: plainText.pipe(z.string().regex(/^[A-Z0-9]{1,8}$/, { error: 'office_code_malformed' })),
  name,
  postalCode,
  address,
  phone: plainText.pipe(z.string().regex(/^[\d-]{10,13}$/, { error: 'phone_malformed' })),
});
export type NewOfficeBody = z.input<typeof newOfficeSchema>;
export type NewOfficeRequest = z.output<typeof newOfficeSchema>;

/** `POST /api/platform/municipalities`: a municipality, its policy from a preset, its first office and administrator. */
export const onboardingSchema = z.strictObject({
  /** 全国地方公共団体コード (6 digits). */
  code: plainText.pipe(z.string().regex(/^\d{6}$/, { error: 'municipality_code_malformed' })),
  name,
  preset: z.enum(POLICY_PRESETS.map((p) => p.id) as [string, ...string[]]).optional(),
  office: newOfficeSchema,
  admin: createStaffSchema.pick({ username: true, displayName: true, password: true }),
});
export type OnboardingBody = z.input<typeof onboardingSchema>;
export type OnboardingRequest = z.output<typeof onboardingSchema>;

/** `PATCH /api/platform/municipalities/:id`: suspend (its staff can no longer log in, their logins end) or resume. */
export const municipalitySuspensionSchema = z.strictObject({ suspended: z.boolean() });

/** A municipality as an operator sees it: counts, never what is counted. */
export const municipalityCountsSchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  suspendedAt: z.iso.datetime({ offset: true }).nullable(),
  offices: z.number().int(),
  staff: z.number().int(),
  cases: z.number().int(),
  openCases: z.number().int(),
  letters: z.number().int(),
});
export type MunicipalityCounts = z.output<typeof municipalityCountsSchema>;
