import {
  CANCEL_REASON,
  CASE_STATE,
  DOCUMENT_TYPE,
  HISTORY_EVENT,
  LETTER_REISSUE_REASON,
  RETURN_REASON,
  MAIL_PIECE_KIND,
  POSTAGE_PAYMENT,
  WORKLIST_ACTIONS,
  LETTER_STATUS,
  officeHoursRefusals,
  PIN,
  PRESENTER,
  PRINT_RUN_STATUS,
  REFUSALS,
  REPRESENTATIVE_KIND,
  RESET_REASON,
  ROLE,
  ROUTE,
  validatePolicy,
  type MunicipalityPolicy,
  type OfficeHours,
  type RefusalCode,
} from '@madoguchi/domain';
import { z } from 'zod';
import { PIPELINE_LETTER_STATUSES } from '../pipeline';

/**
 * What the API answers, as schemas: the types the console reads are inferred from them, the
 * OpenAPI document shows them, and the API's tests check every answer against them (strict: a
 * field the contract does not name is a failure, so nothing leaks out unnoticed).
 */

const day = z.iso.date();
const instant = z.iso.datetime();
const id = z.uuid();

export const refusalCodeSchema = z.enum(Object.keys(REFUSALS) as [RefusalCode, ...RefusalCode[]]);

/** A word in both languages. */
export const textSchema = z.strictObject({ ja: z.string(), en: z.string() });

/** One "no" of the rules: its code, kind, message (Japanese) and the field it concerns. */
export const refusalSchema = z.strictObject({
  kind: z.enum([
    'invalid',
    'unauthenticated',
    'forbidden',
    'not_found',
    'conflict',
    'too_large',
    'unsupported',
    'refused',
    'throttled',
    'unavailable',
    'internal',
  ]),
  code: refusalCodeSchema,
  message: z.string(),
  path: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
});

// Errors -------------------------------------------------------------------------------------

/** One refused field of a request (shared/API.md, Errors). */
export const apiErrorDetailSchema = z.strictObject({ path: z.string(), code: z.string(), message: z.string() });

/** The body of every 4xx and 5xx answer: `{code, message, details}`, the message in the caller's language. */
export const apiErrorSchema = z.strictObject({ code: refusalCodeSchema, message: z.string(), details: z.array(apiErrorDetailSchema) });

// People -------------------------------------------------------------------------------------

/** Who did something: the console shows the display name (窓口 一郎), the username on hover. */
export const staffRefSchema = z.strictObject({ id, username: z.string(), displayName: z.string() });

/** A member of staff as administrators see them; never the password hash. */
export const staffViewSchema = z.strictObject({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE.values),
  officeId: id,
  active: z.boolean(),
  createdAt: instant,
});

/** The logged-in member of staff (`GET /api/auth/me`, and the login's `user`). */
export const meSchema = z.strictObject({ id, username: z.string(), displayName: z.string(), role: z.enum(ROLE.values), officeId: id });

/** `POST /api/auth/login`'s answer: the bearer token and who it is for. */
export const loginAnswerSchema = z.strictObject({ accessToken: z.string(), expiresAt: instant, user: meSchema });

/** `GET /health` (no login): whether the API's database and Redis answer; 503 with the same body when one does not. */
export const healthSchema = z.strictObject({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']), redis: z.enum(['up', 'down']) });
/** The process answers (for a supervisor deciding whether to restart it). */
export const livenessSchema = z.strictObject({ status: z.literal('alive') });

// Cases --------------------------------------------------------------------------------------

export const partyViewSchema = z.strictObject({
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
});

/** A reissue's particulars, for the history line. */
export const historyDetailsSchema = z.strictObject({
  reason: z.enum(LETTER_REISSUE_REASON.values).optional(),
  replacedInquiryNumber: z.string().optional(),
  /** Registration: the holder as the resident register gave them (which adapter, which resident). */
  residentRegister: z.strictObject({ source: z.enum(['embedded', 'http']), residentId: z.string() }).optional(),
  /** Registration: the checklist lines the clerk ticked (the holder's address checked against the 住民票…). */
  attested: z.array(z.string()).optional(),
  /** A returned letter: the postal label's reason and the number of the letter that came back. */
  returnReason: z.enum(RETURN_REASON.values).optional(),
  inquiryNumber: z.string().optional(),
  /** A lapse: the printed deadline and the grace days that ran out. */
  replyDeadline: z.string().optional(),
  graceDays: z.number().int().optional(),
  /** A correction: each field's old and new value (`holder.address`, `representative.familyName`, `note`). */
  changes: z.array(z.strictObject({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })).optional(),
});

/** What the system did by itself (shared/API.md: `actor: {kind: "system"}`). */
export const systemActorSchema = z.strictObject({ kind: z.literal('system') });

/** One entry of a case's append-only history: a move, or an event of its letters, with who and when. */
export const historyEntrySchema = z.strictObject({
  from: z.enum(CASE_STATE.values).nullable(),
  to: z.enum(CASE_STATE.values),
  at: instant,
  /** The member of staff, or the system itself (the daily sweep's lapse). */
  actor: z.union([staffRefSchema, systemActorSchema]),
  reason: z.enum(CANCEL_REASON.values).nullable(),
  event: z.enum(HISTORY_EVENT.values).nullable(),
  details: historyDetailsSchema.nullable(),
  /** The clerk's own note. */
  note: z.string().nullable(),
});

/** One case as the API answers it (shared/API.md, `GET /api/cases/:id`). */
export const caseViewSchema = z.strictObject({
  id,
  receiptNumber: z.string(),
  officeId: id,
  state: z.enum(CASE_STATE.values),
  route: z.enum(ROUTE.values),
  reason: z.enum(RESET_REASON.values),
  pins: z.array(z.enum(PIN.values)),
  version: z.number().int(),
  note: z.string().nullable(),
  policyVersion: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  holder: partyViewSchema.extend({
    birthDate: day,
    adultWard: z.boolean(),
    hasSignatureCertificate: z.boolean(),
    /** Null for a case registered before it was asked. */
    hasUserAuthCertificate: z.boolean().nullable(),
    signatureCertificateExpiresOn: day.nullable(),
    userAuthCertificateExpiresOn: day.nullable(),
    basicInfoChanged: z.boolean().nullable(),
  }),
  /** `birthDate`: the agent's, recorded at visit 1 (null before it was asked, or for a legal representative). */
  representative: partyViewSchema.extend({ kind: z.enum(REPRESENTATIVE_KIND.values), birthDate: day.nullable() }).nullable(),
  documents: z.array(
    z.strictObject({
      id,
      visit: z.number().int(),
      presentedBy: z.enum(PRESENTER.values),
      type: z.enum(DOCUMENT_TYPE.values),
      issuedOn: day.nullable(),
      expiresOn: day.nullable(),
    }),
  ),
  letters: z.array(
    z.strictObject({
      id,
      status: z.enum(LETTER_STATUS.values),
      inquiryNumber: z.string(),
      mailedOn: day.nullable(),
      replyDeadline: day.nullable(),
      /** When it came back undelivered (返戻). */
      returnedAt: instant.nullable(),
      /** Its PDF was deleted under the policy's retention rule. */
      pdfRemoved: z.boolean(),
    }),
  ),
  history: z.array(historyEntrySchema),
  /** 完了通知 to the holder (agent route, once completed, where the policy sends one). */
  completionNotice: z
    .strictObject({ id, status: z.enum(LETTER_STATUS.values), noticeNumber: z.string().nullable(), mailedOn: day.nullable(), pdfRemoved: z.boolean() })
    .nullable(),
});

/** One row of the list: what the desk needs to pick a case, not the whole file. */
export const caseSummarySchema = z.strictObject({
  id,
  receiptNumber: z.string(),
  officeId: id,
  state: z.enum(CASE_STATE.values),
  route: z.enum(ROUTE.values),
  pins: z.array(z.enum(PIN.values)),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  holderName: z.string(),
  holderKana: z.string(),
  /** The current letter's deadline, once it is in the post. */
  replyDeadline: day.nullable(),
  overdue: z.boolean(),
  /** The current letter came back undelivered (返戻): the case is held for a supervisor. */
  returned: z.boolean(),
});

// The rules engine ---------------------------------------------------------------------------

const checklistLineSchema = z.strictObject({
  id: z.string(),
  /** `attestation`: a line the clerk ticks (sent back in `attested`), not a document to add. */
  kind: z.enum(['document', 'identity', 'attestation']),
  label: textSchema,
  presentedBy: z.enum(PRESENTER.values),
  waived: z.boolean(),
  satisfied: z.boolean(),
  missing: refusalSchema.optional(),
  /** The documents to offer for it, most common first (one click adds one). */
  suggestions: z.array(z.enum(DOCUMENT_TYPE.values)),
});

/** `POST /api/requirements`: what the console shows live and what registration enforces. */
export const requirementsAnswerSchema = z.strictObject({
  on: day,
  policyVersion: z.number().int(),
  holderAge: z.number().int(),
  routeOpen: z.boolean(),
  pins: z.array(
    z.strictObject({
      pin: z.enum(PIN.values),
      eligible: z.boolean(),
      problems: z.array(refusalSchema),
      /** The counter's steps for it: the reset, then a renewal inside the certificate's renewal window. */
      steps: z.array(textSchema),
    }),
  ),
  completesSameDay: z.boolean(),
  /** Visit 1 checked against the documents given; visit 2 (agent route) as the list to tell the agent. */
  visits: z.array(z.strictObject({ visit: z.union([z.literal(1), z.literal(2)]), checklist: z.array(checklistLineSchema) })),
  unusableDocuments: z.array(z.strictObject({ index: z.number().int(), type: z.enum(DOCUMENT_TYPE.values), problem: refusalSchema })),
  alternatives: z.array(z.strictObject({ code: z.enum(['store_signature_reset', 'store_user_auth_reset']), message: textSchema })),
  /** Everything that stops registration now; empty when the case can be registered. */
  problems: z.array(refusalSchema),
  readyToRegister: z.boolean(),
});

/** `GET /api/cases/:id/audit`: every check of a returned reply for the case, newest first (supervisors). */
export const replyCheckSchema = z.strictObject({
  at: instant,
  actor: staffRefSchema,
  kind: z.enum(['lookup', 'reply_returned']),
  /** `matched`, or the refusal's code. */
  outcome: z.string(),
  inquiryNumber: z.string(),
});
export const caseAuditSchema = z.array(replyCheckSchema);

// Letters and print runs ---------------------------------------------------------------------

/** One letter as the print desk sees it: enough to pick, check and find it, no PDF. */
export const letterSummarySchema = z.strictObject({
  id,
  caseId: id,
  receiptNumber: z.string(),
  caseState: z.enum(CASE_STATE.values),
  officeId: id,
  status: z.enum(LETTER_STATUS.values),
  /** Whether the next print run can take it. */
  awaitingPrint: z.boolean(),
  inquiryNumber: z.string(),
  holderName: z.string(),
  issuedOn: day.nullable(),
  replyDeadline: day.nullable(),
  mailedOn: day.nullable(),
  printRunId: id.nullable(),
  /** 文書番号, once the letter has been in a print run. */
  documentNumber: z.string().nullable(),
  /** A numbered letter superseded by a reissue: its number stays recorded, void (欠番), never given again. */
  documentNumberVoid: z.boolean(),
  /** Characters printed as 〓, to be written in by hand before mailing. */
  missingCharacters: z.string().nullable(),
  lastError: z.string().nullable(),
  reissueReason: z.enum(LETTER_REISSUE_REASON.values).nullable(),
  /** 返戻: when it came back, and why (the postal label's reason). */
  returnedAt: instant.nullable(),
  returnedReason: z.enum(RETURN_REASON.values).nullable(),
  createdAt: instant,
  renderedAt: instant.nullable(),
});

/** A completion notice as the print desk sees it. */
export const completionNoticeSummarySchema = z.strictObject({
  id,
  caseId: id,
  receiptNumber: z.string(),
  holderName: z.string(),
  status: z.enum(LETTER_STATUS.values),
  noticeNumber: z.string().nullable(),
  createdAt: instant,
});

/** A print run in the list: its state and who did what. */
export const printRunSummarySchema = z.strictObject({
  id,
  officeId: id,
  status: z.enum(PRINT_RUN_STATUS.values),
  letterCount: z.number().int(),
  /** Completion notices printed after its letters. */
  noticeCount: z.number().int(),
  /** The 発行日 printed on its letters. */
  printedOn: day,
  createdAt: instant,
  createdBy: staffRefSchema,
  renderedAt: instant.nullable(),
  pdfSha256: z.string().nullable(),
  /** Why rendering the run failed, when it did. */
  lastError: z.string().nullable(),
  mailedAt: instant.nullable(),
  mailedBy: staffRefSchema.nullable(),
  cancelledAt: instant.nullable(),
});

/** One print run: the summary and its letters in print order. */
export const printRunViewSchema = printRunSummarySchema.extend({
  letters: z.array(
    z.strictObject({
      id,
      position: z.number().int(),
      caseId: id,
      receiptNumber: z.string(),
      caseState: z.enum(CASE_STATE.values),
      inquiryNumber: z.string(),
      holderName: z.string(),
      status: z.enum(LETTER_STATUS.values),
      documentNumber: z.string().nullable(),
      missingCharacters: z.string().nullable(),
      mailedOn: day.nullable(),
      replyDeadline: day.nullable(),
    }),
  ),
  notices: z.array(
    z.strictObject({
      id,
      position: z.number().int(),
      caseId: id,
      receiptNumber: z.string(),
      holderName: z.string(),
      status: z.enum(LETTER_STATUS.values),
      noticeNumber: z.string().nullable(),
      mailedOn: day.nullable(),
    }),
  ),
});

/** 発送簿: an office's day of mailing (its runs merged), as the print desk lists them. */
export const mailLedgerDaySchema = z.strictObject({
  /** `YYYY-MM-DD_<officeId>`: the day and the office. */
  id: z.string(),
  officeId: id,
  officeName: z.string(),
  day,
  runs: z.number().int(),
  pieceCount: z.number().int(),
  postageTotal: z.number().int(),
  /** Whether its PDF is made (the worker makes it after each run of the day is confirmed mailed). */
  pdfReady: z.boolean(),
});

/** One day's ledger with its lines, in the order they were mailed. */
export const mailLedgerViewSchema = mailLedgerDaySchema.extend({
  postageYen: z.number().int(),
  postagePayment: z.enum(POSTAGE_PAYMENT.values),
  lines: z.array(
    z.strictObject({
      kind: z.enum(MAIL_PIECE_KIND.values),
      caseId: id,
      documentNumber: z.string(),
      addresseeName: z.string(),
      postalCode: z.string(),
      mailClass: z.string(),
    }),
  ),
  confirmations: z.array(z.strictObject({ by: staffRefSchema, at: instant, pieces: z.number().int() })),
});

/** The case a returned reply form belongs to, and whether it came back in time. */
export const replyMatchSchema = z.strictObject({
  caseId: id,
  receiptNumber: z.string(),
  state: z.enum(CASE_STATE.values),
  route: z.enum(ROUTE.values),
  version: z.number().int(),
  letterId: id,
  inquiryNumber: z.string(),
  mailedOn: day,
  replyDeadline: day,
  /** The deadline printed on the letter has passed (the clerk decides what to do). */
  deadlinePassed: z.boolean(),
  daysPastDeadline: z.number().int(),
  holderName: z.string(),
  /** The agent who applied: on visit 2 the clerk checks it is the same person. */
  agentName: z.string(),
  /** The agent's birth date recorded at visit 1 (null for a case registered before it was asked). */
  agentBirthDate: day.nullable(),
  /** The office that registered the case (replies are taken there when the policy says so). */
  officeId: id,
  officeName: z.string(),
});

// The municipality ---------------------------------------------------------------------------

/** Office hours as stored, checked by the domain's own rules. */
const officeHoursAnswerSchema = z.custom<OfficeHours>(
  (v) => typeof v === 'object' && v !== null && 'weekly' in v && officeHoursRefusals(v as OfficeHours).length === 0,
  { error: 'office hours the domain refuses' },
);

export const officeViewSchema = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  postalCode: z.string(),
  address: z.string(),
  phone: z.string(),
  hours: officeHoursAnswerSchema,
});

/** A version of the municipality's policy (the policy itself checked by the domain's validator). */
export const policyViewSchema = z.strictObject({
  version: z.number().int(),
  createdAt: instant,
  policy: z.custom<MunicipalityPolicy>((v) => validatePolicy(v).ok, { error: 'a policy the domain refuses' }),
});

const bilingual = z.strictObject({ ja: z.string(), en: z.string() });

/** `GET /api/policy/presets`: the cities' rules read from their pages, to apply with `PUT /api/policy`. */
export const policyPresetSchema = z.strictObject({
  id: z.enum(['nishinomiya', 'koto', 'kasugai', 'matsue']),
  city: bilingual,
  source: z.strictObject({ title: z.string(), seed: z.string() }),
  summary: bilingual,
  policy: z.custom<MunicipalityPolicy>((v) => validatePolicy(v, { complete: true }).ok, { error: 'a policy the domain refuses' }),
});

// Supervision --------------------------------------------------------------------------------

/** A job BullMQ gave up on. */
export const failedJobSchema = z.strictObject({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  reason: z.string(),
  attemptsMade: z.number().int(),
  failedAt: instant.nullable(),
});

const agedCaseSchema = caseSummarySchema.extend({ ageDays: z.number().int() });

/** A line of the supervisor's worklist: a case held by a returned letter, or overdue, with what can be done next. */
const worklistItemSchema = agedCaseSchema.extend({
  /** The day it lapses by itself (overdue cases), under its policy's grace days. */
  lapsesOn: day.nullable(),
  actions: z.array(z.enum(WORKLIST_ACTIONS)),
});

export const openAgentCasesSchema = z.strictObject({
  today: day,
  total: z.number().int(),
  byState: z.strictObject({ received: z.number().int(), inquiry_mailed: z.number().int(), reply_returned: z.number().int() }),
  /** Open cases by days since registration: a band from `fromDays` to `toDays` (null: and older). */
  byAge: z.array(z.strictObject({ label: z.string(), fromDays: z.number().int(), toDays: z.number().int().nullable(), count: z.number().int() })),
  overdue: z.number().int(),
  /** The longest-waiting open cases, oldest first (ten at most). */
  oldest: z.array(agedCaseSchema),
  /** The longest-waiting overdue cases, oldest first (ten at most). */
  oldestOverdue: z.array(agedCaseSchema),
  /** Open cases whose letter came back undelivered. */
  returned: z.number().int(),
  /** What needs a supervisor: cases held by a returned letter, then the overdue, oldest first (twenty at most). */
  worklist: z.array(worklistItemSchema),
});

export const walkInsTodaySchema = z.strictObject({
  today: day,
  /** Every office of the municipality, with today's registrations by route (zero where none). */
  offices: z.array(
    z.strictObject({
      officeId: id,
      officeName: z.string(),
      total: z.number().int(),
      byRoute: z.strictObject(Object.fromEntries(ROUTE.values.map((r) => [r, z.number().int()])) as Record<(typeof ROUTE.values)[number], z.ZodNumber>),
    }),
  ),
});

export const queueOverviewSchema = z.strictObject({
  checkedAt: instant,
  /** Jobs written by the API that the relay has not moved into the queue yet. */
  outbox: z.strictObject({ unsent: z.number().int(), oldestUnsentAt: instant.nullable(), refused: z.number().int() }),
  /** The municipality's letters still in the pipeline, by status (mailed and superseded ones are history, not counted). */
  letters: z.strictObject(
    Object.fromEntries(PIPELINE_LETTER_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof PIPELINE_LETTER_STATUSES)[number], z.ZodNumber>,
  ),
  /** Letters waiting for the worker for more than STUCK_AFTER_MINUTES, oldest first. */
  stuckLetters: z.array(letterSummarySchema),
  /** Letters whose rendering failed for good (print staff can retry them). */
  failedLetters: z.array(letterSummarySchema),
  /** Print runs whose PDF is still being made, with the error if making it failed. */
  renderingPrintRuns: z.array(printRunSummarySchema),
  /** Whether the queue (Redis) answered; its own counts are every municipality's, so they are not shown. */
  queueReachable: z.boolean(),
  /** This municipality's jobs BullMQ gave up on (the dead letters), newest first; null while Redis is unreachable. */
  deadJobs: z.array(failedJobSchema).nullable(),
});

// The resident register ------------------------------------------------------------------------

/** `GET /api/residents`: a resident as the register holds them (never an individual number). */
export const residentViewSchema = z.strictObject({
  /** The register's own id: what a registration sends as `holder.residentId`. */
  residentId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  birthDate: day,
  postalCode: z.string(),
  address: z.string(),
});

// Reports ------------------------------------------------------------------------------------

const byOfficeSchema = z.array(z.strictObject({ officeId: id, officeName: z.string(), count: z.number().int() }));
const byRouteSchema = z.strictObject({ self: z.number().int(), legal_representative: z.number().int(), voluntary_agent: z.number().int() });

/** 月報: a month of the counter in numbers (shared/API.md, the reports issue). Days are Japan's. */
export const monthlyReportSchema = z.strictObject({
  month: z.string(),
  /** The office asked for, or null: the whole municipality. */
  officeId: id.nullable(),
  received: z.strictObject({
    total: z.number().int(),
    byRoute: byRouteSchema,
    byOffice: byOfficeSchema,
    byPin: z.strictObject({ signature: z.number().int(), user_auth: z.number().int(), resident_registry: z.number().int(), card_info: z.number().int() }),
    byReason: z.strictObject({ forgotten: z.number().int(), locked: z.number().int(), face_auth_switch: z.number().int() }),
  }),
  completed: z.strictObject({ total: z.number().int(), byRoute: byRouteSchema, byOffice: byOfficeSchema }),
  cancelled: z.strictObject({ total: z.number().int(), byRoute: byRouteSchema, byOffice: byOfficeSchema }),
  agent: z.strictObject({
    lettersMailed: z.number().int(),
    repliesReturned: z.number().int(),
    completed: z.number().int(),
    /** Calendar days from registration to completion (Japan days), of the agent cases completed in the month. */
    averageDaysToCompletion: z.number().nullable(),
    p90DaysToCompletion: z.number().nullable(),
    /** Mailed cases whose reply deadline had passed, with no reply, as at the month's last day. */
    overdueAtMonthEnd: z.number().int(),
    /** Cancelled by the system after the grace days (reply_overdue). */
    lapsed: z.number().int(),
    returnedUndelivered: z.number().int(),
    reissues: z.number().int(),
  }),
  /** Cases received each day of the month, by route. */
  perDay: z.array(byRouteSchema.extend({ day })),
  /** Agent cases completed in the month, by days to completion. */
  daysToCompletion: z.array(z.strictObject({ days: z.number().int(), count: z.number().int() })),
});
