import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { validatePolicy, type MunicipalityPolicy } from '@madoguchi/domain';
import { DATABASE } from '../database/database.module';

export interface CurrentPolicy {
  policyVersionId: string;
  version: number;
  policy: MunicipalityPolicy;
}

/** The municipality policy in force for an office: the newest version of its municipality's. */
@Injectable()
export class PolicyService {
  private readonly logger = new Logger(PolicyService.name);

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async currentForOffice(officeId: string): Promise<CurrentPolicy> {
    const office = await this.db.office.findUnique({
      where: { id: officeId },
      select: { municipality: { select: { policies: { orderBy: { version: 'desc' }, take: 1 } } } },
    });
    if (!office) throw new NotFoundException({ code: 'office_not_found', message: '指定された窓口が見つかりません。', details: [{ path: 'officeId', code: 'office_not_found', message: '指定された窓口が見つかりません。' }] });
    const latest = office.municipality.policies[0];
    if (!latest) throw new Error(`no policy for the municipality of office ${officeId}`);
    const checked = validatePolicy(latest.policy);
    if (!checked.ok) {
      // A stored policy that no longer validates is an operator's error, not the clerk's.
      this.logger.error({ policyVersionId: latest.id, problems: checked.problems }, 'stored policy is invalid');
      throw new Error(`stored policy ${latest.id} is invalid`);
    }
    return { policyVersionId: latest.id, version: latest.version, policy: checked.policy };
  }
}
