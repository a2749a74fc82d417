import { POSTAGE_PAYMENT, type PostagePayment } from './codes';
import type { NationalSystemClosure } from './calendar';
import { isIsoDate, type IsoDate } from './dates';
import { findSecrets } from './guards';
import { refusal, type Refusal } from './refusals';

/**
 * 運用方針: the rules that differ between municipalities (shared/DOMAIN.md, "Policy"). One typed
 * object; the API stores it per municipality, versioned, and decides each case under the policy
 * in force when it was registered.
 */
export interface MunicipalityPolicy {
  /** A parent is the legal representative of a holder younger than this (15; Matsue: 18). */
  legalRepresentativeAgeLimit: number;
  /** The self route's second ID: one of category A or B, a photo ID (category A) only, or none (004: the card alone). */
  selfSecondId: 'a_or_b' | 'a_only' | 'none';
  /** The legal representative route's ID of the holder besides the card: one of A or B, or none (002, 004). */
  legalRepresentativeHolderSecondId: 'a_or_b' | 'none';
  /** A parent proves the representation with a 戸籍謄本 (000, 002), or shows no proof (004). */
  parentProof: 'family_register' | 'none';
  /**
   * When the parent's 戸籍謄本 is waived: same household with the parent–child link on the 住民票, or
   * the 本籍 in the city (000); the same household AND the link AND the same 本籍・筆頭者, or the 本籍
   * in the ward (002); or never.
   */
  parentProofWaiver: 'household_or_register_in_city' | 'household_same_register_or_register_in_city' | 'never';
  /** The legal representative's own IDs: two with one photo ID (000, 002), or one photo ID (004). */
  legalRepresentativeIds: 'two_one_a' | 'one_a';
  /** What the voluntary agent shows on the first visit: one category A (000), one A or two B (Ageo), or any one ID (002). */
  agentFirstVisitId: 'one_a' | 'one_a_or_two_b' | 'any_one';
  /** A representative's IDs must show their current address and name (000): a checklist line the clerk ticks. */
  representativeIdsShowCurrentAddress: boolean;
  /** The agent must also bring a power of attorney (委任状) on the second visit. */
  agentNeedsPowerOfAttorney: boolean;
  /** The agent must also bring proof that the holder cannot come (診断書, 施設入所証明書). */
  agentNeedsCannotAttendProof: boolean;
  /** Days the holder has to return the reply, counted from the date printed on the letter (発行日), the day the deadline printed beside it is counted from. */
  replyDeadlineDays: number;
  /** Proofs of representation (戸籍謄本, 登記事項証明書) must be issued within this many months. */
  representationProofMaxAgeMonths: number;
  /** The national certificate system stops taking work at about this time (HH:MM). */
  nationalSystemCutoff: string;
  /** How long a reset takes at the counter, to warn a walk-in who arrives too late. */
  minutesPerReset: number;
  /**
   * The last day a 健康保険証 counts as ID: new cards stopped on 2024-12-02 and the transition ended
   * on 2025-12-01; after it only its successor, the 資格確認書, does.
   */
  healthInsuranceCardLastDay: IsoDate;
  /** The agent brings the reply only to the office where they applied (004: 「手続きをした窓口まで」). */
  repliesAtRegisteringOffice: boolean;
  /** Closures of the national system announced by its operator (J-LIS): the form warns on those days and hours. */
  nationalSystemClosures: NationalSystemClosure[];
  /** The letter's issuer as the city writes it (「見本市長 見本 太郎」); empty: the municipality's name and 長. */
  letterIssuer: string;
  /** 文書番号 as the city writes it, `#` the number within the fiscal year (「見市民第#号」). */
  documentNumberFormat: string;
  /**
   * On the agent route the letter goes to the address the city has on record: `required`, the
   * holder is taken from the resident register (`holder.residentId`); `manual` (no register
   * connected), the typed address stands and the clerk ticks that it was checked against the 住民票.
   */
  residentRegister: 'required' | 'manual';
  /** Days past the printed reply deadline after which a case with no reply lapses (cancelled, `reply_overdue`, by the system). */
  lapseGraceDays: number;
  /** When (Japan time, HH:MM) the daily sweep of deadlines runs. */
  dailySweepAt: string;
  /** Postage of one letter (円), for the mailing ledger's total. */
  postageYen: number;
  /** How postage is paid: 料金後納 (counted on the ledger and billed) or stamps. */
  postagePayment: PostagePayment;
  /** A completion notice (完了通知) goes to the holder when an agent-route case completes. */
  completionNotice: boolean;
  /** The completion notices' own number series as the city writes it, `#` the number within the fiscal year. */
  completionNoticeNumberFormat: string;
  /** Days after a case ends that its letters' PDFs are kept (the rows keep their SHA-256, numbers and dates). */
  pdfRetentionDays: number;
}

export const DEFAULT_POLICY: Readonly<MunicipalityPolicy> = Object.freeze({
  legalRepresentativeAgeLimit: 15,
  selfSecondId: 'a_or_b',
  legalRepresentativeHolderSecondId: 'a_or_b',
  parentProof: 'family_register',
  parentProofWaiver: 'household_or_register_in_city',
  legalRepresentativeIds: 'two_one_a',
  agentFirstVisitId: 'one_a',
  representativeIdsShowCurrentAddress: true,
  agentNeedsPowerOfAttorney: false,
  agentNeedsCannotAttendProof: false,
  replyDeadlineDays: 30,
  representationProofMaxAgeMonths: 3,
  nationalSystemCutoff: '19:00',
  minutesPerReset: 30,
  healthInsuranceCardLastDay: '2025-12-01',
  repliesAtRegisteringOffice: true,
  nationalSystemClosures: [],
  letterIssuer: '',
  documentNumberFormat: '第#号',
  residentRegister: 'manual',
  lapseGraceDays: 14,
  dailySweepAt: '06:00',
  postageYen: 110,
  postagePayment: 'deferred',
  completionNotice: true,
  completionNoticeNumberFormat: '完了通知第#号',
  pdfRetentionDays: 90,
});

/**
 * The policy a municipality starts from: the default, where the resident register decides the
 * agent route's holder when one is connected (the letter goes to the address on record), and the
 * clerk checks a typed address against the 住民票 when none is.
 */
export function defaultPolicy(options: { residentRegisterConnected: boolean }): MunicipalityPolicy {
  return { ...DEFAULT_POLICY, residentRegister: options.residentRegisterConnected ? 'required' : 'manual' };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Check = (value: unknown) => Refusal | undefined;
const integerIn =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : refusal('policy_integer_out_of_range', { min, max });
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : refusal('policy_choice', { choices: values.map((x) => `"${x}"`).join(', ') });
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : refusal('policy_boolean'));
const time: Check = (v) => (typeof v === 'string' && TIME.test(v) ? undefined : refusal('policy_time'));
const date: Check = (v) => (isIsoDate(v) ? undefined : refusal('date_malformed'));
/** Wording printed on letters: up to 40 characters, no control or invisible characters; at least `min`. */
const printedText =
  (min: number): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= 40 && !/[\p{Cc}\p{Cf}]/u.test(v) && findSecrets(v).length === 0
      ? undefined
      : refusal('policy_printed_text', { max: 40 });

/** A list of announced closures: a date, and a from–to within it when not the whole day. */
const closures: Check = (v) => {
  if (!Array.isArray(v) || v.length > 100) return refusal('policy_closures');
  const ok = v.every((c: unknown) => {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
    const { date: day, from, to, ...rest } = c as Record<string, unknown>;
    if (Object.keys(rest).length || !isIsoDate(day)) return false;
    if (from === undefined && to === undefined) return true;
    return typeof from === 'string' && typeof to === 'string' && TIME.test(from) && TIME.test(to) && from < to;
  });
  return ok ? undefined : refusal('policy_closures');
};

const RULES: { [K in keyof MunicipalityPolicy]: Check } = {
  legalRepresentativeAgeLimit: integerIn(15, 20),
  selfSecondId: oneOf('a_or_b', 'a_only', 'none'),
  legalRepresentativeHolderSecondId: oneOf('a_or_b', 'none'),
  parentProof: oneOf('family_register', 'none'),
  parentProofWaiver: oneOf('household_or_register_in_city', 'household_same_register_or_register_in_city', 'never'),
  legalRepresentativeIds: oneOf('two_one_a', 'one_a'),
  agentFirstVisitId: oneOf('one_a', 'one_a_or_two_b', 'any_one'),
  representativeIdsShowCurrentAddress: boolean,
  agentNeedsPowerOfAttorney: boolean,
  agentNeedsCannotAttendProof: boolean,
  replyDeadlineDays: integerIn(7, 90),
  representationProofMaxAgeMonths: integerIn(1, 12),
  nationalSystemCutoff: time,
  minutesPerReset: integerIn(5, 180),
  healthInsuranceCardLastDay: date,
  repliesAtRegisteringOffice: boolean,
  nationalSystemClosures: closures,
  letterIssuer: printedText(0),
  residentRegister: oneOf('required', 'manual'),
  lapseGraceDays: integerIn(0, 60),
  dailySweepAt: time,
  postageYen: integerIn(0, 10000),
  postagePayment: oneOf(...POSTAGE_PAYMENT.values),
  completionNotice: boolean,
  completionNoticeNumberFormat: (v) => printedText(1)(v) ?? ((v as string).split('#').length === 2 ? undefined : refusal('policy_document_number_format')),
  pdfRetentionDays: integerIn(30, 3650),
  documentNumberFormat: (v) => printedText(1)(v) ?? ((v as string).split('#').length === 2 ? undefined : refusal('policy_document_number_format')),
};

export type PolicyValidation = { ok: true; policy: MunicipalityPolicy } | { ok: false; problems: Refusal[] };

/**
 * Check a stored or edited policy: unknown fields and values out of range are refused, each with
 * its path. A stored policy may lack a field added since (it takes the default); a policy being
 * saved (`complete`) must give every field, so a partial body cannot quietly reset the others.
 */
export function validatePolicy(input: unknown, options: { complete?: boolean } = {}): PolicyValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [refusal('policy_not_object')] };
  }
  const problems: Refusal[] = [];
  const merged: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(input)) {
    // Own keys only: `valueOf` or `constructor` in a body must not find Object's prototype.
    const check = Object.hasOwn(RULES, key) ? (RULES as Record<string, Check>)[key] : undefined;
    const refused = check ? check(value) : refusal('policy_unknown_field');
    // An unknown key is named only when it is a plain name: a key could be a secret someone typed.
    const named = check || (/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key) && findSecrets(key).length === 0);
    if (refused) problems.push({ ...refused, path: named ? key : '' });
    else merged[key] = value;
  }
  if (options.complete) {
    for (const key of Object.keys(RULES)) {
      if (!Object.hasOwn(input, key)) problems.push(refusal('policy_field_missing', undefined, key));
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, policy: merged as unknown as MunicipalityPolicy };
}
