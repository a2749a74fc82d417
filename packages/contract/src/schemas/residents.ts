import { z } from 'zod';
import { address, isoDate, kana, personName, plainText, postalCode } from './fields';

/**
 * 住民記録: the resident register's view of a person, as the ResidentRegister port answers it and
 * as the embedded register imports it. Never an individual number: the key is the register's own id.
 */

/** The register's own id for a resident: letters, digits and `-_.`, at most 64. */
export const residentKey = plainText.pipe(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'resident_key_malformed' }));

export const residentRecordSchema = z.strictObject({
  residentId: residentKey,
  familyName: personName,
  givenName: personName,
  familyNameKana: kana,
  givenNameKana: kana,
  birthDate: isoDate,
  postalCode,
  address,
});
export type ResidentRecord = z.output<typeof residentRecordSchema>;

/** `GET /api/residents`: a kana name and a birth date, all three (never an individual number). */
export const residentQuerySchema = z.strictObject({
  familyNameKana: kana,
  givenNameKana: kana,
  birthDate: isoDate,
});
export type ResidentQuery = z.output<typeof residentQuerySchema>;
