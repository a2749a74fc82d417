import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { dayOf } from '@madoguchi/db';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { sendPdf } from '../letters/pdf-response';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { confirmMailedSchema, createPrintRunSchema, printRunListQuerySchema } from './print-run.schema';
import type { PrintRunSummary, PrintRunView } from './print-run-view';
import { PrintRunsService } from './print-runs.service';

@Controller('print-runs')
export class PrintRunsController {
  constructor(private readonly printRuns: PrintRunsService) {}

  /** 印刷バッチの作成: 201 at once; the worker renders the PDF (status `rendering`, then `ready`). */
  @Describe('印刷バッチの作成', createPrintRunSchema)
  @Post()
  @Allow('printing')
  create(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<PrintRunView> {
    res.status(201);
    return this.printRuns.create(staff, parseBody(createPrintRunSchema, body));
  }

  @Describe('印刷バッチの一覧（react-admin simple-rest 形式）')
  @Get()
  @Allow('printing')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<PrintRunSummary[]> {
    const { rows, from, total } = await this.printRuns.list(staff, parseBody(printRunListQuerySchema, query));
    setContentRange(res, 'print-runs', from, rows.length, total);
    return rows;
  }

  @Describe('印刷バッチの詳細（照会書の印刷順）')
  @Get(':id')
  @Allow('printing')
  findOne(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.findOne(staff, id);
  }

  @Describe('印刷バッチのPDF（片面印刷）')
  @Get(':id/pdf')
  @Allow('printing')
  async pdf(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const run = await this.printRuns.pdf(staff, id);
    return sendPdf(res, run.pdf, run.sha256, `print-run-${dayOf(run.printedOn)}-${id.slice(0, 8)}.pdf`);
  }

  /** 発送済みの確認: moves each case of the run to `inquiry_mailed`; `withheldCaseIds` names letters not put in the post. */
  @Describe('印刷バッチの発送済み確認', confirmMailedSchema)
  @Post(':id/mailed')
  @HttpCode(200)
  @Allow('mailing')
  mailed(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.confirmMailed(staff, id, parseBody(confirmMailedSchema, body ?? {}));
  }

  @Describe('印刷バッチの取消（発送前のみ）')
  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('printing')
  cancel(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<PrintRunView> {
    return this.printRuns.cancel(staff, id);
  }
}
