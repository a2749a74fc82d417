import { z } from 'zod';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { officeHoursSchema, officeViewSchema } from '@madoguchi/contract/schemas';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { OfficesService, type OfficeView } from './offices.service';

@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  /** The counters of the caller's municipality, with their hours. */
  @Describe('窓口の一覧と開庁時間', { answer: z.array(officeViewSchema) })
  @Get()
  @Allow('readMunicipality')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<OfficeView[]> {
    return this.offices.list(staff);
  }

  @Describe('開庁時間の変更', { body: officeHoursSchema, answer: officeViewSchema })
  @Put(':id/hours')
  @Allow('changeOfficeHours')
  updateHours(@Param('id') id: string, @Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<OfficeView> {
    return this.offices.updateHours(staff, id, parseBody(officeHoursSchema, body));
  }
}
