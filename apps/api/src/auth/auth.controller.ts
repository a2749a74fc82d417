import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';
import { parseBody } from '../validation/parse-body';
import { AuthService, type LoginResult } from './auth.service';
import { Allow, CurrentStaff, Describe, Public } from './decorators';
import type { StaffPrincipal } from './principal';

const loginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Describe('ログイン（アクセストークンを発行）', loginSchema)
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  login(@Body() body: unknown): Promise<LoginResult> {
    const { username, password } = parseBody(loginSchema, body);
    return this.auth.login(username, password);
  }

  @Describe('ログアウト（セッションを終了）')
  @Post('logout')
  @HttpCode(204)
  @Allow('anyone')
  async logout(@CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.auth.logout(staff);
  }

  /** Who is logged in (the console's identity and permissions). */
  @Describe('ログイン中の職員')
  @Get('me')
  @Allow('anyone')
  me(@CurrentStaff() staff: StaffPrincipal): Omit<StaffPrincipal, 'sessionId' | 'municipalityOfficeIds'> {
    const { sessionId: _session, municipalityOfficeIds: _offices, ...user } = staff;
    return user;
  }
}
