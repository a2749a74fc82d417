import { dateColumn } from '@madoguchi/db';
import { CANCEL_REASON, CASE_STATE, DOCUMENT_TYPE, isIsoDate, LETTER_REISSUE_REASON, normalizeName, PIN, PRESENTER, REPRESENTATIVE_KIND, RESET_REASON, ROUTE } from '@madoguchi/domain';
import { z } from 'zod';
import { replySchema } from '../replies/reply.schema';

/**
 * The shape of a case as the console sends it (shared/API.md), checked at the edge. Objects are
 * strict: an unknown field is refused, so nothing — a PIN value, an individual number — can be
 * smuggled in beside the known ones.
 */
export const isoDate = z.string().refine(isIsoDate, { error: '実在する日付を YYYY-MM-DD の形式で入力してください。' });

/** Katakana (full-width; half-width is converted), with spaces allowed between words. */
const kana = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.string().min(1).max(50).regex(/^[\u30A0-\u30FF\u3000 ]+$/, { error: 'カタカナで入力してください。' }));

/** A name as written (kanji, kana or letters), variant characters kept; digits have no place in it. */
const name = z
  .string()
  .transform(normalizeName)
  .pipe(z.string().min(1).max(50).regex(/^[^\d]+$/, { error: '氏名に数字は使えません。' }));

/** 〒 7 digits, with or without the hyphen; stored as NNN-NNNN. */
const postalCode = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/[-‐ー−]/g, ''))
  .pipe(z.string().regex(/^\d{7}$/, { error: '郵便番号は7桁の数字で入力してください。' }))
  .transform((s) => `${s.slice(0, 3)}-${s.slice(3)}`);

const address = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(200));

export const personNamesShape = {
  familyName: name,
  givenName: name,
  familyNameKana: kana,
  givenNameKana: kana,
};

export const presentedDocumentSchema = z.strictObject({
  presentedBy: z.enum(PRESENTER.values),
  type: z.enum(DOCUMENT_TYPE.values),
  issuedOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
});

export const waiversSchema = z.strictObject({
  sameHouseholdParentChild: z.boolean(),
  familyRegisterInCity: z.boolean(),
});

/** The holder and representative facts; names and addresses optional here, required to register. */
export const holderFactsSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(personNamesShape).map(([k, v]) => [k, v.optional()])),
  birthDate: isoDate,
  postalCode: postalCode.optional(),
  address: address.optional(),
  adultWard: z.boolean(),
  hasSignatureCertificate: z.boolean(),
});

export const representativeFactsSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(personNamesShape).map(([k, v]) => [k, v.optional()])),
  kind: z.enum(REPRESENTATIVE_KIND.values),
  postalCode: postalCode.optional(),
  address: address.optional(),
});

export const caseFactsShape = {
  route: z.enum(ROUTE.values),
  reason: z.enum(RESET_REASON.values),
  pins: z.array(z.enum(PIN.values)).max(4),
  holder: holderFactsSchema,
  representative: representativeFactsSchema.nullish(),
  documents: z.array(presentedDocumentSchema).max(20).default([]),
  waivers: waiversSchema.optional(),
  note: z.string().max(500).nullish(),
};

/** `POST /api/cases`: the same facts, with the names and addresses a registration must have. */
const holderToRegister = z.strictObject({
  ...personNamesShape,
  birthDate: isoDate,
  postalCode,
  address,
  adultWard: z.boolean(),
  hasSignatureCertificate: z.boolean(),
});

const representativeToRegister = z.strictObject({
  ...personNamesShape,
  kind: z.enum(REPRESENTATIVE_KIND.values),
  postalCode: postalCode.optional(),
  address: address.optional(),
});

export const registerCaseSchema = z.strictObject({
  ...caseFactsShape,
  holder: holderToRegister,
  representative: representativeToRegister.nullish(),
});

export type RegisterCaseBody = z.infer<typeof registerCaseSchema>;

/** `POST /api/cases/:id/transitions`. */
export const transitionSchema = z.strictObject({
  to: z.enum(CASE_STATE.values),
  /** The version the clerk's screen showed; a stale one is a conflict. */
  version: z.number().int().positive(),
  reason: z.enum(CANCEL_REASON.values).nullish(),
  documents: z.array(presentedDocumentSchema).max(20).optional(),
  reply: replySchema.optional(),
  note: z.string().max(500).nullish(),
});

export type TransitionBody = z.infer<typeof transitionSchema>;

/** `POST /api/cases/:id/letters`: reissue the case's letter (再発行). */
export const letterReissueSchema = z.strictObject({
  /** The version the clerk's screen showed; a stale one is a conflict. */
  version: z.number().int().positive(),
  reason: z.enum(LETTER_REISSUE_REASON.values),
  note: z.string().max(500).nullish(),
});

export type LetterReissueBody = z.infer<typeof letterReissueSchema>;

/** Presented documents as rows of one visit. */
export function documentRows(documents: readonly z.infer<typeof presentedDocumentSchema>[], visit: 1 | 2) {
  return documents.map((d) => ({
    visit,
    presentedBy: d.presentedBy,
    type: d.type,
    issuedOn: d.issuedOn ? dateColumn(d.issuedOn) : null,
    expiresOn: d.expiresOn ? dateColumn(d.expiresOn) : null,
  }));
}
