import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { Allow, CurrentStaff } from '../auth/decorators';
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
  @Get('offices')
  @Allow('anyone')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<OfficeView[]> {
    return this.offices.list(staff);
  }

  @Put('offices/:id/hours')
  @Allow('administration')
  updateHours(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<OfficeView> {
    return this.offices.updateHours(staff, id, parseBody(officeHoursSchema, body));
  }

  /** Every version of the municipality's policy, newest first. */
  @Get('policy')
  @Allow('anyone')
  policy(@CurrentStaff() staff: StaffPrincipal): Promise<PolicyView[]> {
    return this.offices.policyHistory(staff);
  }

  /** A new version of the policy (checked by the domain's validator). */
  @Put('policy')
  @Allow('administration')
  changePolicy(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<PolicyView> {
    return this.offices.changePolicy(staff, body);
  }
}
