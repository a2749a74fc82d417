import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from './case-view';

const NOT_FOUND = { code: 'case_not_found', message: '指定された申請が見つかりません。', details: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading cases. Staff see the cases of their own municipality's offices only. */
@Injectable()
export class CaseQueryService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async findOne(staff: StaffPrincipal, id: string): Promise<CaseView> {
    if (!UUID.test(id)) throw new NotFoundException(NOT_FOUND);
    const row = await this.db.pinResetCase.findFirst({
      where: { id, office: { municipality: { offices: { some: { id: staff.officeId } } } } },
      include: CASE_VIEW_INCLUDE,
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    return toCaseView(row);
  }
}
