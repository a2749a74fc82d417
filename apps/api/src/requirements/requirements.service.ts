import { BadRequestException, Injectable } from '@nestjs/common';
import { answerRequirements, type RequirementsAnswer } from '@madoguchi/domain';
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

  /** The rules engine's answer under the office's current policy, for the day given or today. */
  async answer(request: RequirementsRequest): Promise<RequirementsResponse> {
    const officeId = request.officeId ?? (await this.policies.defaultOfficeId());
    if (!officeId) {
      const message = '窓口（officeId）を指定してください。';
      throw new BadRequestException({ code: 'office_required', message, details: [{ path: 'officeId', code: 'office_required', message }] });
    }
    const { policy, version } = await this.policies.currentForOffice(officeId);
    const on = request.on ?? this.clock.today();
    const answer = answerRequirements({ ...request, on }, policy);
    return { on, policyVersion: version, ...answer };
  }
}
