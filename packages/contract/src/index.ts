import type { RequirementsAnswer } from '@madoguchi/domain';
import type { z } from 'zod';
import type * as A from './schemas/answers';

/**
 * The conversation between the console and the API, as TypeScript: the answers' types inferred
 * from the schemas of `@madoguchi/contract/schemas` (which the API checks its answers against),
 * the request bodies' types likewise, and the refusal catalogue re-exported from the domain. The
 * console imports this entry only: types, and no zod at run time.
 */

export { REFUSALS, isRefusalCode, localize, type Refusal, type RefusalCode, type RefusalKind } from '@madoguchi/domain';
export { PIPELINE_LETTER_STATUSES, type PipelineLetterStatus } from './pipeline';
export type {
  CaseListFilter,
  CorrectCaseBody,
  LetterReissueBody,
  PresentedDocumentBody,
  RegisterCaseBody,
  RequirementsQuestionBody,
  TransitionBody,
} from './schemas/cases';
export type { ReplyBody } from './schemas/replies';
export type { LetterReturnBody } from './schemas/letters';
export type { ConfirmMailedBody, CreatePrintRunBody } from './schemas/print-runs';
export type { CreateStaffBody, LoginBody, ResetPasswordBody, UpdateStaffBody } from './schemas/users';
export type { OfficeHoursBody } from './schemas/offices';
export type { ResidentQuery, ResidentRecord } from './schemas/residents';
export type {
  MunicipalityCounts,
  NewOfficeBody,
  NewOfficeRequest,
  OnboardingBody,
  OnboardingRequest,
  PlatformLoginAnswer,
  PlatformLoginBody,
} from './schemas/platform';

export type ApiError = z.infer<typeof A.apiErrorSchema>;
export type ApiErrorDetail = z.infer<typeof A.apiErrorDetailSchema>;
export type StaffRef = z.infer<typeof A.staffRefSchema>;
export type StaffView = z.infer<typeof A.staffViewSchema>;
export type Me = z.infer<typeof A.meSchema>;
export type LoginAnswer = z.infer<typeof A.loginAnswerSchema>;
export type Health = z.infer<typeof A.healthSchema>;
export type PartyView = z.infer<typeof A.partyViewSchema>;
export type HistoryDetails = z.infer<typeof A.historyDetailsSchema>;
export type HistoryEntry = z.infer<typeof A.historyEntrySchema>;
export type CaseView = z.infer<typeof A.caseViewSchema>;
export type CaseSummary = z.infer<typeof A.caseSummarySchema>;
export type LetterSummary = z.infer<typeof A.letterSummarySchema>;
export type PrintRunSummary = z.infer<typeof A.printRunSummarySchema>;
export type PrintRunView = z.infer<typeof A.printRunViewSchema>;
export type MailLedgerDay = z.infer<typeof A.mailLedgerDaySchema>;
export type MonthlyReport = z.infer<typeof A.monthlyReportSchema>;
export type CompletionNoticeSummary = z.infer<typeof A.completionNoticeSummarySchema>;
export type MailLedgerView = z.infer<typeof A.mailLedgerViewSchema>;
export type ReplyMatch = z.infer<typeof A.replyMatchSchema>;
export type ReplyCheck = z.infer<typeof A.replyCheckSchema>;
export type OfficeView = z.infer<typeof A.officeViewSchema>;
export type PolicyView = z.infer<typeof A.policyViewSchema>;
export type PolicyPresetView = z.infer<typeof A.policyPresetSchema>;
export type ResidentView = z.infer<typeof A.residentViewSchema>;
export type FailedJob = z.infer<typeof A.failedJobSchema>;
export type OpenAgentCases = z.infer<typeof A.openAgentCasesSchema>;
export type WalkInsToday = z.infer<typeof A.walkInsTodaySchema>;
export type QueueOverview = z.infer<typeof A.queueOverviewSchema>;

/** `POST /api/requirements`: the domain's answer (its own precise types), for the day and policy version it was given under. */
export type RequirementsResponse = RequirementsAnswer & { on: string; policyVersion: number };
