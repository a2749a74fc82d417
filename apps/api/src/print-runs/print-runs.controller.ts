import { z } from 'zod';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { dayOf } from '@madoguchi/db';
import { Allow, CurrentStaff, Describe, PDF_ANSWER } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { sendPdf } from '../letters/pdf-response';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { confirmMailedSchema, createPrintRunSchema, printRunSummarySchema, printRunViewSchema } from '@madoguchi/contract/schemas';
import { printRunListQuerySchema } from './print-run-list';
import type { PrintRunSummary, PrintRunView } from './print-run-view';
import { PrintRunsService } from './print-runs.service';

@Controller('print-runs')
export class PrintRunsController {
  constructor(private readonly printRuns: PrintRunsService) {}

  /** 印刷バッチの作成: 201 at once; the worker renders the PDF (status `rendering`, then `ready`). */
  @Describe('印刷バッチの作成', { body: createPrintRunSchema, answer: printRunViewSchema })
  @Post()
  @Allow('printLetters')
  create(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<PrintRunView> {
    res.status(201);
    return this.printRuns.create(staff, parseBody(createPrintRunSchema, body));
  }

  @Describe('印刷バッチの一覧（react-admin simple-rest 形式）', { answer: z.array(printRunSummarySchema) })
  @Get()
  @Allow('printLetters')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<PrintRunSummary[]> {
    const list = await this.printRuns.list(staff, parseBody(printRunListQuerySchema, query));
    setContentRange(res, 'print-runs', list);
    return list.rows;
  }

  @Describe('印刷バッチの詳細（照会書の印刷順）', { answer: printRunViewSchema })
  @Get(':id')
  @Allow('printLetters')
  findOne(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.findOne(staff, id);
  }

  @Describe('印刷バッチのPDF（片面印刷）', { answer: PDF_ANSWER })
  @Get(':id/pdf')
  @Allow('printLetters')
  async pdf(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StreamableFile> {
    const run = await this.printRuns.pdf(staff, id);
    return sendPdf(res, run.pdf, run.sha256, `print-run-${dayOf(run.printedOn)}-${id.slice(0, 8)}.pdf`);
  }

  /** 発送済みの確認: moves each case of the run to `inquiry_mailed`; `withheldCaseIds` names letters not put in the post. */
  @Describe('印刷バッチの発送済み確認', { body: confirmMailedSchema, answer: printRunViewSchema })
  @Post(':id/mailed')
  @HttpCode(200)
  @Allow('confirmMailed')
  mailed(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.confirmMailed(staff, id, parseBody(confirmMailedSchema, body ?? {}));
  }

  @Describe('印刷バッチの取消（発送前のみ）', { answer: printRunViewSchema })
  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('printLetters')
  cancel(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.cancel(staff, id);
  }
}
