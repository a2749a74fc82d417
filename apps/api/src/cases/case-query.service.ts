import { Inject, Injectable } from '@nestjs/common';
import type { Database, Prisma } from '@madoguchi/db';
import { isSearchable, readSearch } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { likeLiteral } from '../database/like';
import { refused } from '../errors/refused';
import { inScope, ownOffice } from '../scope/scope';
import { isUuid } from '../validation/ids';
import { page, type ListPage, type PageWindow } from '../validation/simple-rest';
import { CASE_SUMMARY_INCLUDE, overdueWhere, summarize, type CaseListQuery, type CaseSummary } from './case-list';
import { readCaseView, STAFF_REF, type CaseView } from './case-view';
import type { ReplyCheck } from '@madoguchi/contract';

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
  async list(staff: StaffPrincipal, query: CaseListQuery): Promise<ListPage<CaseSummary>> {
    const today = this.clock.today();
    const f = query.filter ?? {};
    const where = this.whereOf(staff, f, today);
    const rows = async (window: PageWindow) =>
      (await this.db.pinResetCase.findMany({ where, ...window, include: CASE_SUMMARY_INCLUDE })).map((r) => summarize(r, today));
    // A search is not counted: a common name matches thousands, and counting them all would cost
    // far more than the page. A list is counted up to LIST_COUNT_CAP.
    const count = f.q ? undefined : (cap: number) => this.db.pinResetCase.count({ where, take: cap + 1 });
    return page(query, ['createdAt', 'DESC'], { rows, count }, this.config.LIST_COUNT_CAP);
  }

  /** The list's filter as a query: the caller's scope, narrowed by each filter given. */
  whereOf(staff: StaffPrincipal, f: NonNullable<CaseListQuery['filter']>, today: string): Prisma.PinResetCaseWhereInput {
    const and: Prisma.PinResetCaseWhereInput[] = [inScope(staff)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.state) and.push({ state: Array.isArray(f.state) ? { in: f.state } : f.state });
    if (f.route) and.push({ route: f.route });
    if (f.officeId) and.push({ officeId: ownOffice(staff, f.officeId, 'filter.officeId') });
    if (f.createdFrom) and.push({ createdAt: { gte: new Date(`${f.createdFrom}T00:00:00+09:00`) } });
    if (f.createdTo) and.push({ createdAt: { lt: new Date(new Date(`${f.createdTo}T00:00:00+09:00`).getTime() + 86_400_000) } });
    const overdue = overdueWhere(today);
    if (f.overdue === true) and.push(overdue);
    if (f.overdue === false) and.push({ NOT: overdue });
    if (f.q) {
      const terms = readSearch(f.q);
      // An entry that is none of them finds nothing (an empty OR would find everything).
      if (!isSearchable(terms)) and.push({ id: { in: [] } });
      else
        and.push({
          OR: [
            ...(terms.receiptNumber ? [{ receiptNumber: terms.receiptNumber }] : []),
            ...(terms.inquiryNumber ? [{ letters: { some: { inquiryNumber: terms.inquiryNumber } } }] : []),
            ...(terms.kana
              ? [
                  {
                    parties: {
                      some: { OR: [{ familyNameKana: { startsWith: likeLiteral(terms.kana) } }, { givenNameKana: { startsWith: likeLiteral(terms.kana) } }] },
                    },
                  },
                ]
              : []),
            ...(terms.name ? [{ parties: { some: { searchName: { startsWith: likeLiteral(terms.name) } } } }] : []),
          ],
        });
    }
    return { AND: and };
  }

  async findOne(staff: StaffPrincipal, id: string): Promise<CaseView> {
    if (!isUuid(id)) throw refused('case_not_found');
    const view = await readCaseView(this.db, staff, id);
    if (!view) throw refused('case_not_found');
    return view;
  }

  /** Every check of a returned reply for the case, newest first: what a supervisor reads when codes are being guessed. */
  async audit(staff: StaffPrincipal, id: string): Promise<ReplyCheck[]> {
    if (!isUuid(id)) throw refused('case_not_found');
    const row = await this.db.pinResetCase.findFirst({
      where: { id, ...inScope(staff) },
      select: {
        replyChecks: {
          orderBy: { id: 'desc' },
          select: { at: true, kind: true, outcome: true, actor: { select: STAFF_REF }, letter: { select: { inquiryNumber: true } } },
        },
      },
    });
    if (!row) throw refused('case_not_found');
    return row.replyChecks.map((c) => ({ at: c.at.toISOString(), actor: c.actor, kind: c.kind, outcome: c.outcome, inquiryNumber: c.letter.inquiryNumber }));
  }
}
