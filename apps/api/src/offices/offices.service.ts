import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { DEFAULT_OFFICE_HOURS, officeHoursProblems, validatePolicy, type MunicipalityPolicy, type OfficeHours } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { isUuid } from '../cases/case-query.service';
import type { OfficeView, PolicyView } from '@madoguchi/contract';

const OFFICE_NOT_FOUND = { code: 'office_not_found', message: '指定された窓口が見つかりません。', details: [] };

function unprocessable(code: string, message: string, problems: { path?: string; code: string; message: string }[]) {
  return new UnprocessableEntityException({ code, message, details: problems.map((p) => ({ path: p.path ?? '', code: p.code, message: p.message })) });
}

/** The caller's municipality: its offices with their hours, and its policy, versioned. */
@Injectable()
export class OfficesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private municipalityOf(staff: StaffPrincipal) {
    return { offices: { some: { id: staff.officeId } } };
  }

  async list(staff: StaffPrincipal): Promise<OfficeView[]> {
    const offices = await this.db.office.findMany({ where: { municipality: this.municipalityOf(staff) }, orderBy: { code: 'asc' } });
    return offices.map(toOfficeView);
  }

  async updateHours(staff: StaffPrincipal, officeId: string, hours: OfficeHours): Promise<OfficeView> {
    if (!isUuid(officeId)) throw new NotFoundException(OFFICE_NOT_FOUND);
    const problems = officeHoursProblems(hours);
    if (problems.length) throw unprocessable('office_hours_invalid', '開庁時間の設定に誤りがあります。', problems.map((p) => ({ ...p, path: `hours.${p.path}` })));
    const updated = await this.db.office.updateMany({ where: { id: officeId, municipality: this.municipalityOf(staff) }, data: { hours: hours as object } });
    if (updated.count !== 1) throw new NotFoundException(OFFICE_NOT_FOUND);
    return toOfficeView(await this.db.office.findUniqueOrThrow({ where: { id: officeId } }));
  }

  async policyHistory(staff: StaffPrincipal): Promise<PolicyView[]> {
    const versions = await this.db.policyVersion.findMany({ where: { municipality: this.municipalityOf(staff) }, orderBy: { version: 'desc' } });
    return versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), policy: v.policy as unknown as MunicipalityPolicy }));
  }

  /**
   * A changed policy is a new version; the old ones stay, so cases decided under them keep
   * their rules. Two admins saving at once: the version number's uniqueness lets one win (409).
   */
  async changePolicy(staff: StaffPrincipal, input: unknown): Promise<PolicyView> {
    const checked = validatePolicy(input, { complete: true });
    if (!checked.ok) throw unprocessable('policy_invalid', '運用方針の設定に誤りがあります。', checked.problems);
    const municipality = await this.db.municipality.findFirstOrThrow({ where: this.municipalityOf(staff), include: { policies: { orderBy: { version: 'desc' }, take: 1 } } });
    const created = await this.db.policyVersion.create({
      data: { municipalityId: municipality.id, version: (municipality.policies[0]?.version ?? 0) + 1, policy: { ...checked.policy }, createdById: staff.id },
    });
    return { version: created.version, createdAt: created.createdAt.toISOString(), policy: checked.policy };
  }
}

function toOfficeView(o: { id: string; code: string; name: string; postalCode: string; address: string; phone: string; hours: unknown }): OfficeView {
  const stored = o.hours as OfficeHours | Record<string, never>;
  return { id: o.id, code: o.code, name: o.name, postalCode: o.postalCode, address: o.address, phone: o.phone, hours: 'weekly' in stored ? (stored as OfficeHours) : { ...DEFAULT_OFFICE_HOURS } };
}

export type { OfficeView, PolicyView };
