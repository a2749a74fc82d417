import { Injectable } from '@nestjs/common';
import type { RequirementsResponse } from '@madoguchi/contract';
import { answerRequirements } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ownOffice } from '../scope/scope';
import { PolicyService } from '../policy/policy.service';
import type { RequirementsQuestionRequest } from '@madoguchi/contract/schemas';

@Injectable()
export class RequirementsService {
  constructor(
    private readonly policies: PolicyService,
    private readonly clock: Clock,
  ) {}

  /** The rules engine's answer under the current policy of the office named (or the caller's), for the day given or today. */
  async answer(request: RequirementsQuestionRequest, staff: StaffPrincipal): Promise<RequirementsResponse> {
    // Another municipality's office is 404: its policy is not the caller's to read.
    const { policy, version } = await this.policies.currentForOffice(request.officeId ? ownOffice(staff, request.officeId) : staff.officeId);
    const on = request.on ?? this.clock.today();
    const { officeId: _office, ...question } = request;
    const answer = answerRequirements({ ...question, on }, policy);
    return { on, policyVersion: version, ...answer };
  }
}
