import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { dateColumn, type Database, type Prisma } from '@madoguchi/db';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { MAX_PAGE } from '../validation/simple-rest';
import { CASE_SUMMARY_INCLUDE, searchTerms, summarize, type CaseListQuery, type CaseSummary } from './case-list';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from './case-view';

export const CASE_NOT_FOUND = { code: 'case_not_found', message: '指定された申請が見つかりません。', details: [] };
/** A change made against the version the clerk's screen showed, when someone else changed the case first. */
export const VERSION_CONFLICT = {
  code: 'version_conflict',
  message: '他の職員が先にこの申請を更新しました。画面を更新してやり直してください。',
  details: [{ path: 'version', code: 'version_conflict', message: '他の職員が先にこの申請を更新しました。画面を更新してやり直してください。' }],
};
import { isUuid } from '../validation/ids';

export { isUuid };

/**
 * The Prisma filter for rows of the caller's municipality (cases, print runs: anything with an
 * office): staff never see another's. The office ids come with the login, so the filter is a
 * plain `office_id IN (…)` the indexes serve, not a join through the municipality.
 */
export function sameMunicipalityAs(staff: StaffPrincipal) {
  return { officeId: { in: staff.municipalityOfficeIds } };
}

/** Reading cases. Staff see the cases of their own municipality's offices only. */
@Injectable()
export class CaseQueryService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * One page of the list and the total, for `Content-Range`. The total is counted up to
   * LIST_COUNT_CAP; past that `capped` says it is a floor (there are at least that many).
   */
  async list(staff: StaffPrincipal, query: CaseListQuery): Promise<{ rows: CaseSummary[]; from: number; total: number; capped: boolean }> {
    const today = this.clock.today();
    const f = query.filter ?? {};
    const and: Prisma.PinResetCaseWhereInput[] = [sameMunicipalityAs(staff)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.state) and.push({ state: Array.isArray(f.state) ? { in: f.state } : f.state });
    if (f.route) and.push({ route: f.route });
    if (f.officeId) and.push({ officeId: f.officeId });
    if (f.createdFrom) and.push({ createdAt: { gte: new Date(`${f.createdFrom}T00:00:00+09:00`) } });
    if (f.createdTo) and.push({ createdAt: { lt: new Date(new Date(`${f.createdTo}T00:00:00+09:00`).getTime() + 86_400_000) } });
    const overdue: Prisma.PinResetCaseWhereInput = {
      state: 'inquiry_mailed',
      letters: { some: { status: 'mailed', replyDeadline: { lt: dateColumn(today) } } },
    };
    if (f.overdue === true) and.push(overdue);
    if (f.overdue === false) and.push({ NOT: overdue });
    if (f.q) {
      const terms = searchTerms(f.q);
      // An entry that is none of the three finds nothing (an empty OR would find everything).
      if (!terms.receiptNumber && !terms.inquiryNumber && !terms.kana) and.push({ id: { in: [] } });
      else and.push({
        OR: [
          ...(terms.receiptNumber ? [{ receiptNumber: terms.receiptNumber }] : []),
          ...(terms.inquiryNumber ? [{ letters: { some: { inquiryNumber: terms.inquiryNumber } } }] : []),
          ...(terms.kana ? [{ parties: { some: { OR: [{ familyNameKana: { startsWith: terms.kana } }, { givenNameKana: { startsWith: terms.kana } }] } } }] : []),
        ],
      });
    }
    const where = { AND: and };
    const [sortField, sortOrder] = query.sort ?? ['createdAt', 'DESC'];
    const [from, to] = query.range ?? [0, 24];
    const size = Math.min(to - from + 1, MAX_PAGE);
    const page = (take: number) =>
      this.db.pinResetCase.findMany({ where, orderBy: [{ [sortField]: sortOrder === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip: from, take, include: CASE_SUMMARY_INCLUDE });
    if (f.q) {
      // A search is not counted: a common name matches thousands, and counting them all would cost
      // far more than the page. One row more than the page says whether there is a next one.
      const found = await page(size + 1);
      const more = found.length > size;
      const rows = found.slice(0, size).map((r) => summarize(r, today));
      return { rows, from, total: from + rows.length + (more ? 1 : 0), capped: more };
    }
    // The page and the total side by side on two connections: a list needs no transaction.
    const [rows, total] = await Promise.all([page(size), this.db.pinResetCase.count({ where, take: this.config.LIST_COUNT_CAP + 1 })]);
    const capped = total > this.config.LIST_COUNT_CAP;
    return { rows: rows.map((r) => summarize(r, today)), from, total: capped ? this.config.LIST_COUNT_CAP : total, capped };
  }

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
