import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import {
  municipalityCountsSchema,
  municipalitySuspensionSchema,
  newOfficeSchema,
  onboardingSchema,
  platformLoginAnswerSchema,
  platformLoginSchema,
} from '@madoguchi/contract/schemas';
import type { MunicipalityCounts, PlatformLoginAnswer } from '@madoguchi/contract';
import { z } from 'zod';
import { Describe, Public } from '../auth/decorators';
import { parseBody } from '../validation/parse-body';
import { CurrentOperator, PlatformAuth, PlatformOnly, type PlatformPrincipal } from './platform-auth';
import { PlatformService } from './platform.service';

/**
 * `/api/platform/…`: the platform operators' routes. Each but the login is the PlatformGuard's,
 * which takes platform tokens only (PlatformOnly); no staff token opens one.
 */
@Controller('platform')
export class PlatformController {
  constructor(
    private readonly auth: PlatformAuth,
    private readonly platform: PlatformService,
  ) {}

  @Describe('プラットフォーム運用者のログイン', { body: platformLoginSchema, answer: platformLoginAnswerSchema })
  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ replyLookup: true })
  login(@Body() body: unknown): Promise<PlatformLoginAnswer> {
    const { username, password } = parseBody(platformLoginSchema, body);
    return this.auth.login(username, password);
  }

  @Describe('プラットフォーム運用者のログアウト')
  @Post('auth/logout')
  @HttpCode(204)
  @PlatformOnly()
  logout(@CurrentOperator() operator: PlatformPrincipal): Promise<void> {
    return this.auth.logout(operator);
  }

  @Describe('自治体の一覧と件数（件数のみ）', { answer: z.array(municipalityCountsSchema) })
  @Get('municipalities')
  @PlatformOnly()
  municipalities(): Promise<MunicipalityCounts[]> {
    return this.platform.municipalities();
  }

  @Describe('自治体の登録（方針・最初の窓口・最初の管理者）', { body: onboardingSchema, answer: municipalityCountsSchema })
  @Post('municipalities')
  @PlatformOnly()
  onboard(@Body() body: unknown, @CurrentOperator() operator: PlatformPrincipal): Promise<MunicipalityCounts> {
    return this.platform.onboard(operator, parseBody(onboardingSchema, body));
  }

  @Describe('自治体の件数', { answer: municipalityCountsSchema })
  @Get('municipalities/:id')
  @PlatformOnly()
  municipality(@Param('id') id: string): Promise<MunicipalityCounts> {
    return this.platform.municipality(id);
  }

  @Describe('自治体の窓口の追加', { body: newOfficeSchema, answer: municipalityCountsSchema })
  @Post('municipalities/:id/offices')
  @PlatformOnly()
  addOffice(@Param('id') id: string, @Body() body: unknown, @CurrentOperator() operator: PlatformPrincipal): Promise<MunicipalityCounts> {
    return this.platform.addOffice(operator, id, parseBody(newOfficeSchema, body));
  }

  @Describe('自治体の利用停止・再開', { body: municipalitySuspensionSchema, answer: municipalityCountsSchema })
  @Patch('municipalities/:id')
  @PlatformOnly()
  suspend(@Param('id') id: string, @Body() body: unknown, @CurrentOperator() operator: PlatformPrincipal): Promise<MunicipalityCounts> {
    return this.platform.setSuspended(operator, id, parseBody(municipalitySuspensionSchema, body).suspended);
  }
}
