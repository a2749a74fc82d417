import { z } from 'zod';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { setContentRange } from '../validation/simple-rest';
import { createStaffSchema, resetPasswordSchema, staffViewSchema, updateStaffSchema } from '@madoguchi/contract/schemas';
import { staffListQuerySchema } from './user-list';
import { UsersService, type StaffView } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Describe('職員の一覧（react-admin simple-rest 形式）', { answer: z.array(staffViewSchema) })
  @Get()
  @Allow('manageStaff')
  async list(@Query() query: unknown, @CurrentStaff() admin: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StaffView[]> {
    const list = await this.users.list(admin, parseBody(staffListQuerySchema, query));
    setContentRange(res, 'users', list);
    return list.rows;
  }

  @Describe('職員の詳細', { answer: staffViewSchema })
  @Get(':id')
  @Allow('manageStaff')
  findOne(@Param('id') id: string, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.users.findOne(admin, id);
  }

  @Describe('職員の登録', { body: createStaffSchema, answer: staffViewSchema })
  @Post()
  @Allow('manageStaff')
  create(@Body() body: unknown, @CurrentStaff() admin: StaffPrincipal, @Res({ passthrough: true }) res: Answer): Promise<StaffView> {
    res.status(201);
    return this.users.create(admin, parseBody(createStaffSchema, body));
  }

  /** Name, role, office, or `active: false` to deactivate (which ends the user's logins). */
  @Describe('職員の変更・無効化', { body: updateStaffSchema, answer: staffViewSchema })
  @Put(':id')
  @Allow('manageStaff')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.users.update(admin, id, parseBody(updateStaffSchema, body));
  }

  @Describe('パスワードの再設定（ログイン中のセッションは終了）', { body: resetPasswordSchema, answer: staffViewSchema })
  @Post(':id/password')
  @HttpCode(200)
  @Allow('manageStaff')
  resetPassword(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() admin: StaffPrincipal): Promise<StaffView> {
    return this.users.resetPassword(admin, id, parseBody(resetPasswordSchema, body).password);
  }
}
