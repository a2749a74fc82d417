import type { RegisterCaseBody } from '@madoguchi/contract';
import type { AttestationId, Pin, RepresentativeKind, ResetReason, Route } from '@madoguchi/domain';
import { isoOf } from '../../dates/JapaneseDateInput';
import { toPresented, type DocumentRow } from '../../documents/rows';

export interface Person {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  postalCode: string;
  address: string;
}

/** The registration form as the clerk fills it in: dates as typed, everything a draft can keep. */
export interface RegistrationForm {
  route: Route;
  kind: RepresentativeKind;
  reason: ResetReason;
  pins: Pin[];
  birthDate: string;
  adultWard: boolean;
  hasSignatureCertificate: boolean;
  hasUserAuthCertificate: boolean;
  /** The certificates' expiry dates as typed (optional: when the clerk has them). */
  signatureCertificateExpiresOn: string;
  userAuthCertificateExpiresOn: string;
  basicInfoChanged: boolean;
  holder: Person;
  /** The holder as picked from the resident register (agent route): its id, '' when typed. */
  residentId: string;
  representative: Person;
  /** The voluntary agent's birth date, as typed: visit 2 checks the agent against it. */
  agentBirthDate: string;
  sameHouseholdParentChild: boolean;
  familyRegisterInCity: boolean;
  /** The same 本籍・筆頭者 (asked where the policy's waiver needs it). */
  sameFamilyRegister: boolean;
  documents: DocumentRow[];
  /** Checklist lines the clerk ticked. */
  attested: AttestationId[];
  note: string;
}

export const NO_ONE: Person = { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', postalCode: '', address: '' };
export const EMPTY_FORM: RegistrationForm = {
  route: 'self',
  kind: 'parent',
  reason: 'forgotten',
  pins: [],
  birthDate: '',
  adultWard: false,
  hasSignatureCertificate: true,
  hasUserAuthCertificate: true,
  signatureCertificateExpiresOn: '',
  userAuthCertificateExpiresOn: '',
  basicInfoChanged: false,
  holder: NO_ONE,
  residentId: '',
  representative: NO_ONE,
  agentBirthDate: '',
  sameHouseholdParentChild: false,
  familyRegisterInCity: false,
  sameFamilyRegister: false,
  documents: [],
  attested: [],
  note: '',
};

/** The representative's kind follows from the route, except a legal representative's (parent or guardian). */
export function kindFor(form: RegistrationForm): RepresentativeKind | null {
  if (form.route === 'self') return null;
  return form.route === 'voluntary_agent' ? 'agent' : form.kind;
}

/** The certificates' facts as the rules and the API take them: a date only once it reads as one. */
export function certificateFacts(form: RegistrationForm, today?: string) {
  return {
    hasUserAuthCertificate: form.hasUserAuthCertificate,
    signatureCertificateExpiresOn: form.pins.includes('signature') ? (isoOf(form.signatureCertificateExpiresOn, 'document', today) ?? null) : null,
    userAuthCertificateExpiresOn: form.pins.includes('user_auth') ? (isoOf(form.userAuthCertificateExpiresOn, 'document', today) ?? null) : null,
    basicInfoChanged: form.hasSignatureCertificate && form.basicInfoChanged,
  };
}

/** Whether the holder was picked from the resident register (only the agent route asks it). */
export function registeredHolder(form: RegistrationForm): boolean {
  return form.route === 'voluntary_agent' && form.residentId !== '';
}

/** The waivers the clerk ticked. */
export function waiversOf(form: RegistrationForm) {
  return {
    sameHouseholdParentChild: form.sameHouseholdParentChild,
    familyRegisterInCity: form.familyRegisterInCity,
    sameFamilyRegister: form.sameFamilyRegister,
  };
}

/** The agent's birth date as the rules take it: null until it reads as a date. */
export function agentBirthDate(form: RegistrationForm, today?: string): string | null {
  return isoOf(form.agentBirthDate, 'birth', today) ?? null;
}

/** `POST /api/cases`'s body (shared/API.md) from the form. */
export function registrationBody(form: RegistrationForm): RegisterCaseBody {
  const kind = kindFor(form);
  const optional = (p: Person) => ({ ...(p.postalCode ? { postalCode: p.postalCode } : {}), ...(p.address ? { address: p.address } : {}) });
  return {
    route: form.route,
    reason: form.reason,
    pins: form.pins,
    // An unreadable birth date goes as typed-nothing: the API refuses it on holder.birthDate, under the field.
    // A holder picked from the resident register goes by its id: the API fills the rest from the register.
    holder: {
      ...(registeredHolder(form) ? { residentId: form.residentId } : { ...form.holder, birthDate: isoOf(form.birthDate, 'birth') ?? '' }),
      adultWard: form.adultWard,
      hasSignatureCertificate: form.hasSignatureCertificate,
      ...certificateFacts(form),
    },
    representative: kind
      ? {
          kind,
          familyName: form.representative.familyName,
          givenName: form.representative.givenName,
          familyNameKana: form.representative.familyNameKana,
          givenNameKana: form.representative.givenNameKana,
          ...(kind === 'agent' ? { birthDate: agentBirthDate(form) } : {}),
          ...optional(form.representative),
        }
      : null,
    documents: toPresented(form.documents),
    waivers: waiversOf(form),
    ...(form.attested.length ? { attested: form.attested } : {}),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  };
}
