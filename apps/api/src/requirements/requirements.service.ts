import { Injectable } from '@nestjs/common';
import { answerRequirements, type RequirementsAnswer } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { PolicyService } from '../offices/policy.service';
import type { RequirementsRequest } from './requirements.schema';

export interface RequirementsResponse extends RequirementsAnswer {
  on: string;
  policyVersion: number;
}

@Injectable()
export class RequirementsService {
  constructor(
    private readonly policies: PolicyService,
    private readonly clock: Clock,
  ) {}

  /** The rules engine's answer under the current policy of the office named (or the caller's), for the day given or today. */
  async answer(request: RequirementsRequest, staff: StaffPrincipal): Promise<RequirementsResponse> {
    const { policy, version } = await this.policies.currentForOffice(request.officeId ?? staff.officeId);
    const on = request.on ?? this.clock.today();
    const { officeId: _office, ...question } = request;
    const answer = answerRequirements({ ...question, on }, policy);
    return { on, policyVersion: version, ...answer };
  }
}
