import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from './case-view';

export const CASE_NOT_FOUND = { code: 'case_not_found', message: '指定された申請が見つかりません。', details: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are checked before any query: a malformed one is simply not found. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** The Prisma filter for cases of the caller's municipality: staff never see another's. */
export function sameMunicipalityAs(staff: StaffPrincipal) {
  return { office: { municipality: { offices: { some: { id: staff.officeId } } } } };
}

/** Reading cases. Staff see the cases of their own municipality's offices only. */
@Injectable()
export class CaseQueryService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async findOne(staff: StaffPrincipal, id: string): Promise<CaseView> {
    if (!isUuid(id)) throw new NotFoundException(CASE_NOT_FOUND);
    const row = await this.db.pinResetCase.findFirst({
      where: { id, ...sameMunicipalityAs(staff) },
      include: CASE_VIEW_INCLUDE,
    });
    if (!row) throw new NotFoundException(CASE_NOT_FOUND);
    return toCaseView(row);
  }
}
