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

  /** The policy a case was decided under. */
  async byVersionId(policyVersionId: string): Promise<MunicipalityPolicy> {
    const stored = await this.db.policyVersion.findUniqueOrThrow({ where: { id: policyVersionId } });
    return this.checked(stored.id, stored.policy);
  }

  async currentForOffice(officeId: string): Promise<CurrentPolicy> {
    const office = await this.db.office.findUnique({
      where: { id: officeId },
      select: { municipality: { select: { policies: { orderBy: { version: 'desc' }, take: 1 } } } },
    });
    if (!office) throw new NotFoundException({ code: 'office_not_found', message: '指定された窓口が見つかりません。', details: [{ path: 'officeId', code: 'office_not_found', message: '指定された窓口が見つかりません。' }] });
    const latest = office.municipality.policies[0];
    if (!latest) throw new Error(`no policy for the municipality of office ${officeId}`);
    return { policyVersionId: latest.id, version: latest.version, policy: this.checked(latest.id, latest.policy) };
  }

  private checked(policyVersionId: string, stored: unknown): MunicipalityPolicy {
    const result = validatePolicy(stored);
    if (!result.ok) {
      // A stored policy that no longer validates is an operator's error, not the clerk's.
      this.logger.error({ policyVersionId, problems: result.problems }, 'stored policy is invalid');
      throw new Error(`stored policy ${policyVersionId} is invalid`);
    }
    return result.policy;
  }
}
