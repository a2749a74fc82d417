import type { CancelReason, CaseState, DocumentType, LetterReissueReason, LetterStatus, MunicipalityPolicy, OfficeHours, Pin, Presenter, PrintRunStatus, RepresentativeKind, ResetReason, Role, Route } from '@madoguchi/domain';

/**
 * What the API answers, as TypeScript: the shapes of shared/API.md and of the routes beyond it.
 * The API builds them and the console reads them from this one place, so the two cannot drift
 * apart. Types only: nothing here runs.
 */

/** A queue's jobs by state, as BullMQ counts them. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs that used up their attempts: the dead letters. */
  failed: number;
  completed: number;
}

/** A job BullMQ gave up on. */
export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  reason: string;
  attemptsMade: number;
  failedAt: string | null;
}

/** One case as the API answers it (shared/API.md, `GET /api/cases/:id`). */
export interface CaseView {
  id: string;
  receiptNumber: string;
  officeId: string;
  state: CaseState;
  route: Route;
  reason: ResetReason;
  pins: Pin[];
  version: number;
  note: string | null;
  policyVersion: number;
  createdAt: string;
  updatedAt: string;
  holder: PartyView & { birthDate: string; adultWard: boolean; hasSignatureCertificate: boolean };
  representative: (PartyView & { kind: RepresentativeKind }) | null;
  documents: { id: string; visit: number; presentedBy: Presenter; type: DocumentType; issuedOn: string | null; expiresOn: string | null }[];
  letters: { id: string; status: LetterStatus; inquiryNumber: string; mailedOn: string | null; replyDeadline: string | null }[];
  history: { from: CaseState | null; to: CaseState; at: string; actor: { id: string; username: string }; reason: CancelReason | null; note: string | null }[];
}

export interface PartyView {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  postalCode: string | null;
  address: string | null;
}

/** One row of the list: what the desk needs to pick a case, not the whole file. */
export interface CaseSummary {
  id: string;
  receiptNumber: string;
  officeId: string;
  state: CaseState;
  route: Route;
  pins: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  holderName: string;
  holderKana: string;
  replyDeadline: string | null;
  overdue: boolean;
}

/** One letter as the print desk sees it: enough to pick, check and find it, no PDF. */
export interface LetterSummary {
  id: string;
  caseId: string;
  receiptNumber: string;
  caseState: CaseState;
  officeId: string;
  status: LetterStatus;
  /** Whether the next print run can take it. */
  awaitingPrint: boolean;
  inquiryNumber: string;
  holderName: string;
  issuedOn: string | null;
  replyDeadline: string | null;
  mailedOn: string | null;
  printRunId: string | null;
  /** Characters printed as 〓, to be written in by hand before mailing. */
  missingCharacters: string | null;
  lastError: string | null;
  reissueReason: LetterReissueReason | null;
  createdAt: string;
  renderedAt: string | null;
}

/** A print run in the list: its state and who did what. */
export interface PrintRunSummary {
  id: string;
  officeId: string;
  status: PrintRunStatus;
  letterCount: number;
  /** The 発行日 printed on its letters. */
  printedOn: string;
  createdAt: string;
  createdBy: { id: string; username: string };
  renderedAt: string | null;
  pdfSha256: string | null;
  /** Why rendering the run failed, when it did. */
  lastError: string | null;
  mailedAt: string | null;
  mailedBy: { id: string; username: string } | null;
  cancelledAt: string | null;
}

/** One print run: the summary and its letters in print order. */
export interface PrintRunView extends PrintRunSummary {
  letters: {
    id: string;
    position: number;
    caseId: string;
    receiptNumber: string;
    caseState: CaseState;
    inquiryNumber: string;
    holderName: string;
    status: LetterStatus;
    missingCharacters: string | null;
    mailedOn: string | null;
    replyDeadline: string | null;
  }[];
}

/** The case a returned reply form belongs to, and whether it came back in time. */
export interface ReplyMatch {
  caseId: string;
  receiptNumber: string;
  state: CaseState;
  route: Route;
  version: number;
  letterId: string;
  inquiryNumber: string;
  mailedOn: string;
  replyDeadline: string;
  /** The deadline printed on the letter has passed (the clerk decides what to do). */
  deadlinePassed: boolean;
  daysPastDeadline: number;
  holderName: string;
  /** The agent who applied: on visit 2 the clerk checks it is the same person. */
  agentName: string;
}

export interface OfficeView {
  id: string;
  code: string;
  name: string;
  postalCode: string;
  address: string;
  phone: string;
  hours: OfficeHours;
}

export interface PolicyView {
  version: number;
  createdAt: string;
  policy: MunicipalityPolicy;
}

/** A member of staff as administrators see them; never the password hash. */
export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  active: boolean;
  /** Locked after too many wrong passwords, until then. */
  lockedUntil: string | null;
  createdAt: string;
}

export interface OpenAgentCases {
  today: string;
  total: number;
  byState: Record<'received' | 'inquiry_mailed' | 'reply_returned', number>;
  byAge: { label: string; count: number }[];
  overdue: number;
  /** The longest-waiting cases first. */
  oldest: (CaseSummary & { ageDays: number })[];
}

export interface WalkInsToday {
  today: string;
  /** Every office of the municipality, with today's registrations by route (zero where none). */
  offices: { officeId: string; officeName: string; total: number; byRoute: Record<Route, number> }[];
}

export interface QueueOverview {
  checkedAt: string;
  /** Jobs written by the API that the relay has not moved into the queue yet. */
  outbox: { unsent: number; oldestUnsentAt: string | null; refused: number };
  /** The municipality's letters by status. */
  letters: Record<LetterStatus, number>;
  /** Letters waiting for the worker for more than STUCK_AFTER_MINUTES, oldest first. */
  stuckLetters: LetterSummary[];
  /** Letters whose rendering failed for good (print staff can retry them). */
  failedLetters: LetterSummary[];
  /** Print runs whose PDF is still being made, with the error if making it failed. */
  renderingPrintRuns: PrintRunSummary[];
  /** The queues as BullMQ counts them; null while Redis is unreachable. */
  queues: Record<string, QueueCounts> | null;
  /** Jobs BullMQ gave up on (the dead letters), newest first; null while Redis is unreachable. */
  deadJobs: FailedJob[] | null;
}

