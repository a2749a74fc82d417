import {
  ATTESTATIONS,
  CANCEL_REASON,
  CASE_STATE,
  DOCUMENT_TYPE,
  CORRECTABLE_PARTY_FIELDS,
  PIN,
  PRESENTER,
  REPRESENTATIVE_KIND,
  RESET_REASON,
  ROUTE,
  STAFF_REISSUE_REASONS,
} from '@madoguchi/domain';
import { z } from 'zod';
import { address, isoDate, kana, note, personName, postalCode, searchText, uuid, version } from './fields';
import { residentKey } from './residents';
import { replySchema } from './replies';

/**
 * A case as the console sends it (shared/API.md). Objects are strict: an unknown field is
 * refused, so nothing — a PIN value, an individual number — can be smuggled in beside the known
 * ones.
 */

export const personNamesShape = {
  familyName: personName,
  givenName: personName,
  familyNameKana: kana,
  givenNameKana: kana,
};

const optionalNamesShape = {
  familyName: personName.optional(),
  givenName: personName.optional(),
  familyNameKana: kana.optional(),
  givenNameKana: kana.optional(),
};

export const presentedDocumentSchema = z.strictObject({
  presentedBy: z.enum(PRESENTER.values),
  type: z.enum(DOCUMENT_TYPE.values),
  issuedOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
});
export type PresentedDocumentBody = z.input<typeof presentedDocumentSchema>;
export type PresentedDocumentRequest = z.output<typeof presentedDocumentSchema>;

export const waiversSchema = z.strictObject({
  sameHouseholdParentChild: z.boolean(),
  familyRegisterInCity: z.boolean(),
  /** The same 本籍・筆頭者 (asked where the policy's waiver needs it, 002). */
  sameFamilyRegister: z.boolean().optional(),
});

/** The checklist lines the clerk ticked (the representative's IDs show the current address and name). */
const attested = z.array(z.enum(ATTESTATIONS)).max(ATTESTATIONS.length).optional();

/** The holder and representative facts; names and addresses optional here, required to register. */
/** The certificates' facts, when the clerk has them (the rules issue, point 4). */
const certificateFactsShape = {
  /** Absent: the card carries one (most do; 000: only if the holder wanted it). */
  hasUserAuthCertificate: z.boolean().optional(),
  signatureCertificateExpiresOn: isoDate.nullish(),
  userAuthCertificateExpiresOn: isoDate.nullish(),
  /** Name, address, sex or birth date changed since the signature certificate was issued. */
  basicInfoChanged: z.boolean().optional(),
};

export const holderFactsSchema = z.strictObject({
  ...optionalNamesShape,
  birthDate: isoDate,
  postalCode: postalCode.optional(),
  address: address.optional(),
  adultWard: z.boolean(),
  hasSignatureCertificate: z.boolean(),
  ...certificateFactsShape,
});

export const representativeFactsSchema = z.strictObject({
  ...optionalNamesShape,
  kind: z.enum(REPRESENTATIVE_KIND.values),
  /** Required of a voluntary agent (the rules say so, with the field's path): visit 2 checks it. */
  birthDate: isoDate.nullish(),
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
  attested,
  note,
};

/** `POST /api/requirements`: a case as far as it is filled in, the day of the visit, and the office. */
export const requirementsQuestionSchema = z.strictObject({
  ...caseFactsShape,
  /** Defaults to today in Japan. */
  on: isoDate.optional(),
  /** Whose policy applies; defaults to the caller's office. */
  officeId: uuid.optional(),
});
export type RequirementsQuestionBody = z.input<typeof requirementsQuestionSchema>;
export type RequirementsQuestionRequest = z.output<typeof requirementsQuestionSchema>;

/** What a registration must say of the holder unless it names them in the resident register. */
const TYPED_HOLDER_FIELDS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'postalCode', 'address'] as const;

/**
 * The holder of a registration: picked from the resident register (`residentId`: the API fills
 * the name, birth date and address from it), or typed in full.
 */
const registerHolderSchema = z
  .strictObject({
    residentId: residentKey.optional(),
    ...optionalNamesShape,
    birthDate: isoDate.optional(),
    postalCode: postalCode.optional(),
    address: address.optional(),
    adultWard: z.boolean(),
    hasSignatureCertificate: z.boolean(),
    ...certificateFactsShape,
  })
  .superRefine((holder, ctx) => {
    if (holder.residentId !== undefined) return;
    for (const field of TYPED_HOLDER_FIELDS) if (holder[field] === undefined) ctx.addIssue({ code: 'custom', message: 'value_required', path: [field] });
  });

/** `POST /api/cases`: the same facts, with the names and addresses a registration must have. */
export const registerCaseSchema = z.strictObject({
  ...caseFactsShape,
  holder: registerHolderSchema,
  representative: z
    .strictObject({
      ...personNamesShape,
      kind: z.enum(REPRESENTATIVE_KIND.values),
      birthDate: isoDate.nullish(),
      postalCode: postalCode.optional(),
      address: address.optional(),
    })
    .nullish(),
});
export type RegisterCaseBody = z.input<typeof registerCaseSchema>;
export type RegisterCaseRequest = z.output<typeof registerCaseSchema>;

/** `POST /api/cases/:id/transitions`. */
export const transitionSchema = z.strictObject({
  to: z.enum(CASE_STATE.values),
  version,
  reason: z.enum(CANCEL_REASON.values).nullish(),
  documents: z.array(presentedDocumentSchema).max(20).optional(),
  reply: replySchema.optional(),
  attested,
  /** reply_returned: the clerk has checked that the person at the counter is the agent who applied. */
  agentConfirmed: z.boolean().optional(),
  note,
});
export type TransitionBody = z.input<typeof transitionSchema>;
export type TransitionRequest = z.output<typeof transitionSchema>;

/** `POST /api/cases/:id/letters`: reissue the case's letter (再発行). */
export const letterReissueSchema = z.strictObject({
  version,
  reason: z.enum(STAFF_REISSUE_REASONS),
  note,
});
export type LetterReissueBody = z.input<typeof letterReissueSchema>;
export type LetterReissueRequest = z.output<typeof letterReissueSchema>;

/** The details of a person a correction may give (each optional: only what changes is sent). */
const correctedPartyShape = {
  ...optionalNamesShape,
  birthDate: isoDate.optional(),
  postalCode: postalCode.optional(),
  address: address.optional(),
};

/**
 * `PATCH /api/cases/:id`: a correction (訂正). The holder is either picked again from the resident
 * register (`residentId`: the register's name, birth date and address replace the recorded ones)
 * or corrected field by field, never both at once.
 */
export const correctCaseSchema = z.strictObject({
  version,
  holder: z
    .strictObject({ residentId: residentKey.optional(), ...correctedPartyShape })
    .superRefine((holder, ctx) => {
      if (holder.residentId === undefined) return;
      for (const field of CORRECTABLE_PARTY_FIELDS) {
        if (holder[field] !== undefined) ctx.addIssue({ code: 'custom', message: 'holder_register_or_typed', path: [field] });
      }
    })
    .optional(),
  representative: z.strictObject(correctedPartyShape).optional(),
  /** The case's note; null clears it. */
  note,
  attested,
});
export type CorrectCaseBody = z.input<typeof correctCaseSchema>;
export type CorrectCaseRequest = z.output<typeof correctCaseSchema>;

/** `GET /api/cases`'s `filter`. */
export const caseListFilterSchema = z.strictObject({
  state: z.union([z.enum(CASE_STATE.values), z.array(z.enum(CASE_STATE.values)).max(5)]).optional(),
  route: z.enum(ROUTE.values).optional(),
  officeId: z.uuid().optional(),
  /** Mailed agent cases whose reply deadline has passed. */
  overdue: z.boolean().optional(),
  /** Receipt number, inquiry number, or the start of a name in kana or as written (the domain's readSearch). */
  q: searchText(50).optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  /** react-admin's getMany. */
  id: z.array(z.uuid()).max(100).optional(),
});
export type CaseListFilter = z.input<typeof caseListFilterSchema>;
export type CaseListFilterRequest = z.output<typeof caseListFilterSchema>;
export const CASE_LIST_SORTABLE = ['createdAt', 'updatedAt', 'receiptNumber', 'state'] as const;
