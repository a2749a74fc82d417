import type { Role } from './codes';

/**
 * Who may do what, by role group. "clerk+" in the HTTP contract is `counter`; "print_staff+" is
 * `printing`. The state machine (transitions) says who may move a case; this says who may see
 * and use each part of the system. The API's guards and the console's menus both read it.
 */
export const ROLE_GROUP = {
  /** Register and read cases, use the rules engine. */
  counter: ['clerk', 'supervisor', 'admin'],
  /** Print letters and print runs. */
  printing: ['print_staff', 'supervisor', 'admin'],
  /** Work on cases (move them on, reissue a letter): the counter roles of the transition table. */
  caseWork: ['clerk', 'supervisor'],
  /** Decide what the counter may not decide alone: reissue a letter locked by guessed codes. */
  oversight: ['supervisor'],
  /** Record a letter the post office brought back: the print desk opens the post, the counter takes calls. */
  returns: ['clerk', 'supervisor', 'print_staff'],
  /** Confirm print runs as mailed: the transition table's received → inquiry_mailed. */
  mailing: ['print_staff', 'supervisor'],
  /** Watch open cases, the queue and the dashboards. */
  supervision: ['supervisor', 'admin'],
  /** Users, offices, policy. */
  administration: ['admin'],
  /** Anyone logged in. */
  anyone: ['clerk', 'supervisor', 'print_staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUP;

/**
 * Every action the system offers, with the role group that may take it: the API guards each route
 * with one (`@Allow('registerCase')`) and the console shows a button or menu only for the actions
 * the logged-in role may take, so the two read the same line and cannot drift apart.
 */
export const ACTION_ACCESS = {
  /** 受付: register a walk-in (shared/API.md: clerk+). */
  registerCase: 'counter',
  readCases: 'counter',
  /** Ask the rules engine (`POST /api/requirements`): changes nothing. */
  askRequirements: 'counter',
  /** Look a holder up in the resident register (住民記録) by kana name and birth date. */
  lookUpResident: 'counter',
  /** Find the case of a returned reply form (the reply desk). */
  lookupReply: 'counter',
  /** Move a case: who may make which move is the transition table's to say. */
  moveCase: 'anyone',
  reissueLetter: 'caseWork',
  /** 訂正: put right a detail typed wrong, before the letter is mailed. */
  correctCase: 'caseWork',
  /** A correction once the letter is in the holder's hands (an address change reissues it). */
  correctMailedCase: 'oversight',
  /** Reissue a letter locked after too many wrong check codes (reason `locked`), having read its checks. */
  reissueLockedLetter: 'oversight',
  /** Accept a reply returned after its deadline, saying why. */
  acceptLateReply: 'oversight',
  /** Read who checked a case's returned reply, when, and with what outcome. */
  readReplyChecks: 'supervision',
  /** The print desk: letters, their PDFs, print runs (make, read, cancel), retrying a failed letter. */
  printLetters: 'printing',
  confirmMailed: 'mailing',
  /** 返戻: record a letter that came back undelivered. */
  recordReturnedMail: 'returns',
  supervise: 'supervision',
  /** 月報: the month in numbers (each view is in the audit log). */
  readReports: 'supervision',
  /** Take the case list out as CSV (each export is in the audit log). */
  exportCases: 'supervision',
  manageStaff: 'administration',
  changeOfficeHours: 'administration',
  changePolicy: 'administration',
  /** The offices, the policy in force and one's own session. */
  readMunicipality: 'anyone',
  ownSession: 'anyone',
} as const satisfies Record<string, RoleGroup>;

export type Action = keyof typeof ACTION_ACCESS;

/** The roles that may take an action. */
export function rolesFor(action: Action): readonly Role[] {
  return ROLE_GROUP[ACTION_ACCESS[action]];
}

/** Whether a role may take an action (an unknown or missing role may take none). */
export function mayTake(role: string | undefined, action: Action): boolean {
  return (rolesFor(action) as readonly string[]).includes(role ?? '');
}
