import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { at, officeHoursOrDefault, officeHoursRefusals, type OfficeHours } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { isUuid } from '../validation/ids';
import type { OfficeView } from '@madoguchi/contract';
import { refused, refusedWith } from '../errors/refused';
import { ownMunicipality, ownOffice } from '../scope/scope';

/** The caller's municipality's offices (窓口), with their hours. */
@Injectable()
export class OfficesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(staff: StaffPrincipal): Promise<OfficeView[]> {
    const offices = await this.db.office.findMany({ where: ownMunicipality(staff), orderBy: { code: 'asc' } });
    return offices.map(toOfficeView);
  }

  async updateHours(staff: StaffPrincipal, officeId: string, hours: OfficeHours): Promise<OfficeView> {
    if (!isUuid(officeId)) throw refused('office_not_found');
    ownOffice(staff, officeId);
    const problems = officeHoursRefusals(hours);
    if (problems.length)
      throw refusedWith(
        'office_hours_invalid',
        problems.map((p) => at(p, `hours.${p.path}`)),
      );
    await this.db.office.update({ where: { id: officeId }, data: { hours: hours as object } });
    return toOfficeView(await this.db.office.findUniqueOrThrow({ where: { id: officeId } }));
  }
}

function toOfficeView(o: { id: string; code: string; name: string; postalCode: string; address: string; phone: string; hours: unknown }): OfficeView {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    postalCode: o.postalCode,
    address: o.address,
    phone: o.phone,
    hours: officeHoursOrDefault(o.hours),
  };
}

export type { OfficeView };
