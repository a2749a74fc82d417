import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { requirementsQuestionSchema } from './requirements.schema';
import { RequirementsService, type RequirementsResponse } from './requirements.service';

@Controller('requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  /** Which PINs are eligible, what each visit needs and what is still missing; changes nothing. */
  @Describe('必要書類・対象暗証番号の判定（何も変更しない）', requirementsQuestionSchema)
  @Post()
  @HttpCode(200)
  @Allow('counter')
  answer(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<RequirementsResponse> {
    return this.requirements.answer(parseBody(requirementsQuestionSchema, body), staff);
  }
}
