import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { OfficesService, type OfficeView, type PolicyView } from './offices.service';

const openingTimes = z.strictObject({ opens: z.string(), closes: z.string() });
const officeHoursSchema = z.strictObject({
  weekly: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), openingTimes),
  specialOpenings: z.array(z.strictObject({ date: z.string(), opens: z.string(), closes: z.string() })).max(366).optional(),
});

@Controller()
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  /** The counters of the caller's municipality, with their hours. */
  @Describe('窓口の一覧と開庁時間')
  @Get('offices')
  @Allow('anyone')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<OfficeView[]> {
    return this.offices.list(staff);
  }

  @Describe('開庁時間の変更', officeHoursSchema)
  @Put('offices/:id/hours')
  @Allow('administration')
  updateHours(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<OfficeView> {
    return this.offices.updateHours(staff, id, parseBody(officeHoursSchema, body));
  }

  /** Every version of the municipality's policy, newest first. */
  @Describe('運用方針（版の一覧）')
  @Get('policy')
  @Allow('anyone')
  policy(@CurrentStaff() staff: StaffPrincipal): Promise<PolicyView[]> {
    return this.offices.policyHistory(staff);
  }

  /** A new version of the policy (checked by the domain's validator). */
  @Describe('運用方針の変更（新しい版を作成）')
  @Put('policy')
  @Allow('administration')
  changePolicy(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<PolicyView> {
    return this.offices.changePolicy(staff, body);
  }
}
