import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { z } from 'zod';
import { mailLedgerDaySchema, mailLedgerViewSchema } from '@madoguchi/contract/schemas';
import type { MailLedgerDay, MailLedgerView } from '@madoguchi/contract';
import { Allow, CSV_ANSWER, CurrentStaff, Describe, PDF_ANSWER } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { sendPdf } from '../letters/pdf-response';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { mailLedgerListQuerySchema } from './mail-ledger-list';
import { MailLedgersService } from './mail-ledgers.service';

@Controller('mail-ledgers')
export class MailLedgersController {
  constructor(private readonly ledgers: MailLedgersService) {}

  /** The days of mailing, newest first, an office's runs of a day merged. */
  @Describe('発送簿の一覧（日ごと・窓口ごと）', { answer: z.array(mailLedgerDaySchema) })
  @Get()
  @Allow('printLetters')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<MailLedgerDay[]> {
    const list = await this.ledgers.list(staff, parseBody(mailLedgerListQuerySchema, query));
    setContentRange(res, 'mail-ledgers', list);
    return list.rows;
  }

  @Describe('発送簿（1日分）', { answer: mailLedgerViewSchema })
  @Get(':id')
  @Allow('printLetters')
  findOne(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<MailLedgerView> {
    return this.ledgers.findOne(staff, id);
  }

  @Describe('発送簿のPDF（1日分）', { answer: PDF_ANSWER })
  @Get(':id/pdf')
  @Allow('printLetters')
  async pdf(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StreamableFile> {
    const ledger = await this.ledgers.pdf(staff, id);
    return sendPdf(res, ledger.pdf, ledger.sha256, `mail-ledger-${ledger.day}.pdf`);
  }

  /** The same as CSV (UTF-8 with BOM; a cell a spreadsheet would run as a formula is neutralised). */
  @Describe('発送簿のCSV（1日分）', { answer: CSV_ANSWER })
  @Get(':id/csv')
  @Allow('printLetters')
  async csv(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StreamableFile> {
    const ledger = await this.ledgers.csv(staff, id);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="mail-ledger-${ledger.day}.csv"`);
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(ledger.csv);
  }
}
