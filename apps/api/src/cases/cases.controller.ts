import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Answer, StreamedAnswer } from '../http/answer';
import { z } from 'zod';
import { Allow, CSV_ANSWER, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { LetterReissueService } from '../letters/letter-reissue.service';
import {
  caseAuditSchema,
  caseSummarySchema,
  caseViewSchema,
  correctCaseSchema,
  letterReissueSchema,
  registerCaseSchema,
  transitionSchema,
} from '@madoguchi/contract/schemas';
import type { ReplyCheck } from '@madoguchi/contract';
import { caseListQuerySchema, type CaseSummary } from './case-list';
import { CaseCorrectionService } from './case-correction.service';
import { CaseExportService } from './case-export.service';
import { CaseQueryService } from './case-query.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTransitionService } from './case-transition.service';
import type { CaseView } from './case-view';

const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, { error: 'idempotency_key_malformed' });

@Controller('cases')
export class CasesController {
  constructor(
    private readonly registration: CaseRegistrationService,
    private readonly query: CaseQueryService,
    private readonly transitions: CaseTransitionService,
    private readonly reissues: LetterReissueService,
    private readonly corrections: CaseCorrectionService,
    private readonly exports: CaseExportService,
  ) {}

  /** 受付: 201 with the case, 422 with what is missing. */
  @Describe('受付（新規申請の登録）', { body: registerCaseSchema, answer: caseViewSchema })
  @Post()
  @Allow('registerCase')
  async register(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Res({ passthrough: true }) res: Answer,
  ): Promise<CaseView> {
    const key = idempotencyKey === undefined ? undefined : parseBody(idempotencyKeySchema, idempotencyKey);
    const { view, replayed } = await this.registration.register(staff, parseBody(registerCaseSchema, body), key);
    res.status(201).header('Location', `/api/cases/${view.id}`);
    if (replayed) res.header('Idempotent-Replayed', 'true');
    return view;
  }

  /** Move a case; who may is decided per move by the domain's transition table, not here. */
  @Describe('状態の変更', { body: transitionSchema, answer: caseViewSchema })
  @Post(':id/transitions')
  @HttpCode(200)
  @Allow('moveCase')
  transition(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<CaseView> {
    return this.transitions.transition(staff, id, parseBody(transitionSchema, body));
  }

  /** 訂正: before mailing the counter, after it a supervisor (the domain's correctionRefusals decide). */
  @Describe('申請内容の訂正', { body: correctCaseSchema, answer: caseViewSchema })
  @Patch(':id')
  @Allow('correctCase')
  correct(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<CaseView> {
    return this.corrections.correct(staff, id, parseBody(correctCaseSchema, body));
  }

  /** 照会書の再発行: a new letter (new inquiry number and check code) for a mailed one that was lost or came back. */
  @Describe('照会書の再発行', { body: letterReissueSchema, answer: caseViewSchema })
  @Post(':id/letters')
  @Allow('reissueLetter')
  reissueLetter(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentStaff() staff: StaffPrincipal,
    @Res({ passthrough: true }) res: Answer,
  ): Promise<CaseView> {
    res.status(201);
    return this.reissues.reissue(staff, id, parseBody(letterReissueSchema, body));
  }

  /** The desk's list: filters, sort and range as react-admin's simple-rest data provider sends them. */
  @Describe('申請の一覧（react-admin simple-rest 形式）', { answer: z.array(caseSummarySchema) })
  @Get()
  @Allow('readCases')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<CaseSummary[]> {
    const list = await this.query.list(staff, parseBody(caseListQuerySchema, query));
    setContentRange(res, 'cases', list);
    return list.rows;
  }

  /**
   * 一覧のCSV (supervisors, admins): the list as filtered on screen, streamed, at most
   * EXPORT_ROW_CAP rows (`X-Total-Capped` beyond); each export is in the audit log.
   */
  @Describe('申請の一覧のCSV（監督者）', { answer: CSV_ANSWER })
  @Get('export')
  @Allow('exportCases')
  async export(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res() res: StreamedAnswer): Promise<void> {
    await this.exports.export(staff, parseBody(caseListQuerySchema, query).filter ?? {}, res);
  }

  /** Who checked a returned reply for this case, when, and what came of it (the codes typed are never kept). */
  @Describe('回答書照合の記録（監督者）', { answer: caseAuditSchema })
  @Get(':id/audit')
  @Allow('readReplyChecks')
  audit(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<ReplyCheck[]> {
    return this.query.audit(staff, id);
  }

  @Describe('申請の詳細', { answer: caseViewSchema })
  @Get(':id')
  @Allow('readCases')
  findOne(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseView> {
    return this.query.findOne(staff, id);
  }
}
