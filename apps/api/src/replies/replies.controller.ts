import { Body, Controller, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { ReplyLookup, type ReplyMatch } from './reply-lookup.service';
import { replyMatchSchema, replySchema } from '@madoguchi/contract/schemas';

/** Throttles by login, not by address: every counter PC reaches the API through one proxy. */
@Injectable()
class SessionThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: { staff?: StaffPrincipal; ip?: string }): Promise<string> {
    return req.staff?.sessionId ?? req.ip ?? 'unknown';
  }
}

@Controller('replies')
export class RepliesController {
  constructor(private readonly replies: ReplyLookup) {}

  /** 回答書の照合: the case a returned reply belongs to, and whether its deadline has passed. */
  @Describe('回答書の照合（照会番号と確認コード）', { body: replySchema, answer: replyMatchSchema })
  @Post('lookup')
  @HttpCode(200)
  @Allow('lookupReply')
  @UseGuards(SessionThrottlerGuard)
  @SkipThrottle({ login: true })
  lookup(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<ReplyMatch> {
    return this.replies.lookup(staff, parseBody(replySchema, body));
  }
}
