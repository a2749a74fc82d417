import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { ReplyLookup, type ReplyMatch } from './reply-lookup.service';
import { replySchema } from './reply.schema';

@Controller('replies')
export class RepliesController {
  constructor(private readonly replies: ReplyLookup) {}

  /** 回答書の照合: the case a returned reply belongs to, and whether its deadline has passed. */
  @Describe('回答書の照合（照会番号と確認コード）', replySchema)
  @Post('lookup')
  @HttpCode(200)
  @Allow('counter')
  lookup(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<ReplyMatch> {
    return this.replies.lookup(staff, parseBody(replySchema, body));
  }
}
