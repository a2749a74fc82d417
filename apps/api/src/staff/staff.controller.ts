import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { createStaffSchema, resetPasswordSchema, staffListQuerySchema, updateStaffSchema } from './staff.schema';
import { StaffService, type StaffView } from './staff.service';

@Controller('users')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Describe('職員の一覧（react-admin simple-rest 形式）')
  @Get()
  @Allow('administration')
  async list(@Query() query: unknown, @CurrentStaff() admin: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StaffView[]> {
    const { rows, from, total } = await this.staff.list(admin, parseBody(staffListQuerySchema, query));
    setContentRange(res, 'users', from, rows.length, total);
    return rows;
  }

  @Describe('職員の詳細')
  @Get(':id')
  @Allow('administration')
  findOne(@Param('id') id: string, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.staff.findOne(admin, id);
  }

  @Describe('職員の登録', createStaffSchema)
  @Post()
  @Allow('administration')
  create(@Body() body: unknown, @CurrentStaff() admin: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StaffView> {
    res.status(201);
    return this.staff.create(admin, parseBody(createStaffSchema, body));
  }

  /** Name, role, office, or `active: false` to deactivate (which ends the user's logins). */
  @Describe('職員の変更・無効化', updateStaffSchema)
  @Put(':id')
  @Allow('administration')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.staff.update(admin, id, parseBody(updateStaffSchema, body));
  }

  @Describe('パスワードの再設定（ログイン中のセッションは終了）', resetPasswordSchema)
  @Post(':id/password')
  @HttpCode(200)
  @Allow('administration')
  resetPassword(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.staff.resetPassword(admin, id, parseBody(resetPasswordSchema, body).password);
  }
}
