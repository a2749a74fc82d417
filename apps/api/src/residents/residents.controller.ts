import { Controller, Get, Inject, Query } from '@nestjs/common';
import { residentQuerySchema, residentViewSchema } from '@madoguchi/contract/schemas';
import type { ResidentView } from '@madoguchi/contract';
import { z } from 'zod';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { RESIDENT_REGISTER, type ResidentRegister } from './resident-register';

@Controller('residents')
export class ResidentsController {
  constructor(@Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister) {}

  /** The residents of the caller's municipality with this kana name and birth date. */
  @Describe('住民記録の照会（カナ氏名と生年月日）', { answer: z.array(residentViewSchema) })
  @Get()
  @Allow('lookUpResident')
  find(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<ResidentView[]> {
    return this.register.find(staff.municipalityId, parseBody(residentQuerySchema, query));
  }
}
