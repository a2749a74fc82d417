import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { z } from 'zod';
import { completionNoticeSummarySchema } from '@madoguchi/contract/schemas';
import type { CompletionNoticeSummary } from '@madoguchi/contract';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { completionNoticeListQuerySchema } from './completion-notice-list';
import { LettersService } from './letters.service';

/** 完了通知: the print desk sees the notices waiting for the next print run (they go in by themselves). */
@Controller('completion-notices')
export class CompletionNoticesController {
  constructor(private readonly letters: LettersService) {}

  @Describe('完了通知の一覧（react-admin simple-rest 形式）', { answer: z.array(completionNoticeSummarySchema) })
  @Get()
  @Allow('printLetters')
  async list(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<CompletionNoticeSummary[]> {
    const list = await this.letters.notices(staff, parseBody(completionNoticeListQuerySchema, query));
    setContentRange(res, 'completion-notices', list);
    return list.rows;
  }
}
