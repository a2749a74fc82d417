import { mayTake } from './access';
import { isOverdue } from './calendar';
import { addDays, compareDates, formatDate, formatJapaneseDate, type IsoDate } from './dates';
import { text } from './text';
import type { CaseState, LetterStatus, ReturnReason, Role } from './codes';
import { requiredDocuments } from './documents';
import type { MunicipalityPolicy } from './policy';
import { refusal, type Refusal } from './refusals';

/**
 * 照会書兼回答書の流れ: the rules of the letters themselves, beside the case's transitions. A case's
 * current letter is its newest one that a reissue has not superseded.
 */

/** Most letters a print run may hold: one afternoon's printing, and a PDF a printer takes whole. */
export const MAX_PRINT_RUN_LETTERS = 1000;

/** States in which a case still needs its letter in the post: first mailing, or a reissue. */
export const CASE_STATES_AWAITING_LETTER: readonly CaseState[] = ['received', 'inquiry_mailed'];

/** A ready letter waits for a print run only while its case still needs it (not after a cancellation). */
export function awaitsPrinting(letter: LetterStatus, caseState: CaseState): boolean {
  return letter === 'ready' && CASE_STATES_AWAITING_LETTER.includes(caseState);
}

/**
 * What confirming a print run as mailed does to a case: the first letter moves it to
 * `inquiry_mailed`; a reissued letter leaves it there; a case that no longer awaits a letter
 * (cancelled, or already answered) must not have one mailed — print staff hold that letter back.
 */
export function mailingEffect(caseState: CaseState): 'to_inquiry_mailed' | 'stays_inquiry_mailed' | 'hold_back' {
  if (caseState === 'received') return 'to_inquiry_mailed';
  if (caseState === 'inquiry_mailed') return 'stays_inquiry_mailed';
  return 'hold_back';
}

/**
 * May the case's current letter be replaced by a new one (new inquiry number and check code)? Only
 * a letter that went out: one not yet mailed is simply taken out of its print run instead.
 */
export function reissueRefusal(caseState: CaseState, current: LetterStatus | undefined): Refusal | undefined {
  if (current === undefined) return refusal('case_has_no_letter');
  if (caseState !== 'inquiry_mailed') {
    return caseState === 'received' ? refusal('letter_not_yet_mailed') : refusal('case_not_awaiting_reply');
  }
  if (current !== 'mailed') return refusal('letter_reissue_pending');
  return undefined;
}

/** A letter whose rendering failed can be tried again; any other is where it should be. */
export function retryRefusal(status: LetterStatus): Refusal | undefined {
  return status === 'failed' ? undefined : refusal('letter_not_failed');
}

/** Wrong check codes a letter takes before it is locked (reply_locked) until a supervisor reissues it. */
export const MAX_WRONG_CHECK_CODES = 10;

/**
 * A reply returned after the deadline printed on its letter: refused at the counter (the
 * application has lapsed); a supervisor may still accept it, saying why in the note, which the
 * history keeps (seed 002: 「期限を過ぎた場合は…再度申請」).
 */
/** The counter a reply is taken at, and the one that registered its case. */
export interface ReplyCounter {
  caseOfficeId: string;
  caseOfficeName: string;
  deskOfficeId: string;
}

/**
 * Visit 2 is made by the agent who applied (the clerk confirms it against the name and birth date
 * recorded at visit 1) at the counter where they applied, when the policy keeps replies there
 * (004: 「手続きをした窓口まで」; the letter names that office).
 */
export function secondVisitRefusals(
  input: ReplyCounter & { agentConfirmed: boolean | undefined },
  policy: Pick<MunicipalityPolicy, 'repliesAtRegisteringOffice'>,
): Refusal[] {
  const problems: Refusal[] = [];
  if (policy.repliesAtRegisteringOffice && input.caseOfficeId !== input.deskOfficeId) {
    problems.push(refusal('reply_at_registering_office', { office: input.caseOfficeName }, 'to'));
  }
  if (input.agentConfirmed !== true) problems.push(refusal('agent_not_confirmed', undefined, 'agentConfirmed'));
  return problems;
}

export function lateReplyRefusal(deadline: IsoDate, today: IsoDate, role: Role, note: string | null | undefined, graceDays: number): Refusal | undefined {
  if (!isOverdue(deadline, today)) return undefined;
  // Past the grace days the application has lapsed: the daily sweep cancels it, and no one accepts it.
  if (hasLapsed(deadline, today, graceDays)) {
    const day = lapseDay(deadline, graceDays);
    return refusal('reply_lapsed', { lapsedOn: text(formatJapaneseDate(day), formatDate(day, 'en')) }, 'reply.inquiryNumber');
  }
  if (!mayTake(role, 'acceptLateReply')) return refusal('reply_late', undefined, 'reply.inquiryNumber');
  if (!note?.trim()) return refusal('late_reply_note_required', undefined, 'note');
  return undefined;
}

/** The first day on which a case whose reply was due on `deadline` has lapsed. */
export function lapseDay(deadline: IsoDate, graceDays: number): IsoDate {
  return addDays(deadline, graceDays + 1);
}

/** Whether a reply due on `deadline` can no longer be accepted on `today` (the grace days have run out). */
export function hasLapsed(deadline: IsoDate, today: IsoDate, graceDays: number): boolean {
  return compareDates(today, lapseDay(deadline, graceDays)) >= 0;
}

/** 年度: the fiscal year a date falls in (it starts on 1 April): 2027-03-31 is in 2026, 2027-04-01 in 2027. */
export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** 文書番号 in the city's format (`#` is the number): 「見市民第#号」, 123 → 「見市民第123号」. */
export function formatDocumentNumber(format: string, n: number): string {
  return format.replace('#', String(n));
}

/** The letter's issuer: the city's own wording, or its name and 長 (「見本市長」). */
export function letterIssuer(policy: Pick<MunicipalityPolicy, 'letterIssuer'>, municipalityName: string): string {
  return policy.letterIssuer.trim() || `${municipalityName}長`;
}

/**
 * What the letter tells the holder to hand over and the agent to bring on the second visit, from
 * the policy's visit-2 list: the holder's things, and the agent's own IDs (with the current address
 * and name where the policy asks it, 000).
 */
export function secondVisitBringList(policy: MunicipalityPolicy): { holder: string[]; agent: string[] } {
  const lines = requiredDocuments({ route: 'voluntary_agent', visit: 2, representativeKind: 'agent' }, policy);
  const currentAddress = lines.some((l) => l.kind === 'attestation');
  const label = (l: (typeof lines)[number]) =>
    l.id === 'representative_ids' && currentAddress ? `${l.label.ja}（現住所・現氏名が記載されたもの）` : l.label.ja;
  const of = (who: 'holder' | 'representative') => lines.filter((l) => l.presentedBy === who && l.kind !== 'attestation').map(label);
  return { holder: of('holder'), agent: of('representative') };
}

/**
 * 返戻: may a returned letter be recorded? Only the case's current letter, once mailed and while
 * the reply is awaited, and once. `other` needs the postal label's words in the note.
 */
export function returnRefusal(
  caseState: CaseState,
  letter: { status: LetterStatus; current: boolean; returned: boolean },
  reason: ReturnReason,
  note: string | null | undefined,
): Refusal | undefined {
  if (letter.returned) return refusal('letter_already_returned');
  if (!letter.current || letter.status !== 'mailed') return refusal('letter_not_out');
  if (caseState !== 'inquiry_mailed') return refusal('case_not_awaiting_reply');
  if (reason === 'other' && !note?.trim()) return refusal('return_note_required', undefined, 'note');
  return undefined;
}

/** A letter that came back is not sent again to the address it came back from. */
export function sameAddressReissueRefusal(
  returnedTo: { postalCode: string | null; address: string | null },
  holder: { postalCode: string | null; address: string | null },
): Refusal | undefined {
  const same = returnedTo.postalCode === holder.postalCode && returnedTo.address === holder.address;
  return same ? refusal('reissue_same_address') : undefined;
}

/** What a supervisor can do next about a case on the worklist (the console offers each as a button). */
export const WORKLIST_ACTIONS = ['phone_holder', 'reissue', 'look_up_address', 'cancel'] as const;
export type WorklistAction = (typeof WORKLIST_ACTIONS)[number];

/**
 * The supervisor's worklist: a case whose letter came back waits for the register to show a new
 * address (then a correction reissues it) or for cancelling (`letter_undeliverable`); an overdue
 * case, for a call to the holder, a reissue, or cancelling before it lapses by itself.
 */
export function worklistActions(item: { returned: boolean; overdue: boolean }): WorklistAction[] {
  if (item.returned) return ['look_up_address', 'cancel'];
  if (item.overdue) return ['phone_holder', 'reissue', 'cancel'];
  return [];
}
