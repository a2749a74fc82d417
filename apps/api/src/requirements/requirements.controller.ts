import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow, CurrentStaff } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { requirementsQuestionSchema } from './requirements.schema';
import { RequirementsService, type RequirementsResponse } from './requirements.service';

@Controller('requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  /** Which PINs are eligible, what each visit needs and what is still missing; changes nothing. */
  @Post()
  @HttpCode(200)
  @Allow('counter')
  answer(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<RequirementsResponse> {
    return this.requirements.answer(parseBody(requirementsQuestionSchema, body), staff);
  }
}
