import { z } from 'zod';
import { letterReturnSchema, letterSummarySchema } from '@madoguchi/contract/schemas';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { Allow, CurrentStaff, Describe, PDF_ANSWER } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { letterListQuerySchema, type LetterSummary } from './letter-list';
import { LetterReturnService } from './letter-return.service';
import { LettersService } from './letters.service';
import { sendPdf } from './pdf-response';

@Controller('letters')
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly returns: LetterReturnService,
  ) {}

  /** 返戻: a letter the post office brought back, by the inquiry number printed on it, with the label's reason. */
  @Describe('返戻（宛先不明等で戻った照会書）の記録', { body: letterReturnSchema, answer: letterSummarySchema })
  @Post('returned')
  @HttpCode(200)
  @Allow('recordReturnedMail')
  recordReturned(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<LetterSummary> {
    return this.returns.record(staff, parseBody(letterReturnSchema, body));
  }

  /** The print desk's list: `filter={"awaitingPrint":true}` for what the next run can take, `{"status":"failed"}` for the failures. */
  @Describe('照会書の一覧（react-admin simple-rest 形式）', { answer: z.array(letterSummarySchema) })
  @Get()
  @Allow('printLetters')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<LetterSummary[]> {
    const list = await this.letters.list(staff, parseBody(letterListQuerySchema, query));
    setContentRange(res, 'letters', list);
    return list.rows;
  }

  @Describe('照会書兼回答書のPDF（1通）', { answer: PDF_ANSWER })
  @Get(':id/pdf')
  @Allow('printLetters')
  async pdf(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StreamableFile> {
    const letter = await this.letters.pdf(staff, id);
    return sendPdf(res, letter.pdf, letter.sha256, `inquiry-${letter.inquiryNumber}.pdf`);
  }

  /** 再作成: a letter whose rendering failed goes back to the worker. */
  @Describe('作成に失敗した照会書の再作成', { answer: letterSummarySchema })
  @Post(':id/retry')
  @HttpCode(200)
  @Allow('printLetters')
  retry(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<LetterSummary> {
    return this.letters.retry(staff, id);
  }
}
