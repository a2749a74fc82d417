import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { loginAnswerSchema, loginSchema, meSchema } from '@madoguchi/contract/schemas';
import { parseBody } from '../validation/parse-body';
import type { LoginAnswer, Me } from '@madoguchi/contract';
import { AuthService } from './auth.service';
import { Allow, CurrentStaff, Describe, Public } from './decorators';
import type { StaffPrincipal } from './principal';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Describe('ログイン（アクセストークンを発行）', { body: loginSchema, answer: loginAnswerSchema })
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ replyLookup: true })
  login(@Body() body: unknown, @Ip() address: string): Promise<LoginAnswer> {
    const { username, password, municipalityCode } = parseBody(loginSchema, body);
    return this.auth.login(username, password, address, municipalityCode);
  }

  @Describe('ログアウト（セッションを終了）')
  @Post('logout')
  @HttpCode(204)
  @Allow('ownSession')
  async logout(@CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.auth.logout(staff);
  }

  /** Who is logged in (the console's identity and permissions). */
  @Describe('ログイン中の職員', { answer: meSchema })
  @Get('me')
  @Allow('ownSession')
  me(@CurrentStaff() staff: StaffPrincipal): Me {
    const { sessionId: _session, municipalityOfficeIds: _offices, municipalityId: _municipality, officeCode: _code, ...user } = staff;
    return user;
  }
}
