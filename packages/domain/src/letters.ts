import type { CaseState, LetterStatus } from './codes';
import { problem, type Problem } from './problems';

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
export function reissueProblem(caseState: CaseState, current: LetterStatus | undefined): Problem | undefined {
  if (current === undefined) return problem('case_has_no_letter', 'この申請には照会書がありません（任意代理人の申請だけが照会書を使います）。');
  if (caseState !== 'inquiry_mailed') {
    return caseState === 'received'
      ? problem('letter_not_yet_mailed', '照会書はまだ発送されていません。再発行ではなく、印刷バッチを取り消して作り直してください。')
      : problem('case_not_awaiting_reply', 'この申請は回答書を待っていないため、照会書を再発行できません。');
  }
  if (current !== 'mailed') return problem('letter_reissue_pending', '再発行した照会書がまだ発送されていません。');
  return undefined;
}

/** A letter whose rendering failed can be tried again; any other is where it should be. */
export function retryProblem(status: LetterStatus): Problem | undefined {
  return status === 'failed' ? undefined : problem('letter_not_failed', '作成に失敗した照会書だけを再作成できます。');
}
