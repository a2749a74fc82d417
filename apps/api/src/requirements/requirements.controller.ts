import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { requirementsAnswerSchema, requirementsQuestionSchema } from '@madoguchi/contract/schemas';
import type { RequirementsResponse } from '@madoguchi/contract';
import { RequirementsService } from './requirements.service';

@Controller('requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  /** Which PINs are eligible, what each visit needs and what is still missing; changes nothing. */
  @Describe('必要書類・対象暗証番号の判定（何も変更しない）', { body: requirementsQuestionSchema, answer: requirementsAnswerSchema })
  @Post()
  @HttpCode(200)
  @Allow('askRequirements')
  answer(@Body() body: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<RequirementsResponse> {
    return this.requirements.answer(parseBody(requirementsQuestionSchema, body), staff);
  }
}
