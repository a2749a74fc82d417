import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import type { CASE_LIST_SORTABLE } from '@madoguchi/contract/schemas';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { refused } from '../errors/refused';
import { inScope } from '../scope/scope';
import { isUuid } from '../validation/ids';
import { page, type ListPage, type PageWindow } from '../validation/simple-rest';
import { summarize, type CaseListQuery, type CaseSummary } from './case-list';
import { caseListOrder, caseListPage, caseListPageCounted, caseListWhere, countCases } from './case-list-statements';
import { readCaseView, STAFF_REF, type CaseView } from './case-view';
import type { ReplyCheck } from '@madoguchi/contract';

type CaseListSortField = (typeof CASE_LIST_SORTABLE)[number];

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
    const where = caseListWhere(staff, f, today);
    const order = ({ orderBy }: PageWindow) => {
      const [field, direction] = Object.entries(orderBy[0]!)[0] as [CaseListSortField, 'asc' | 'desc'];
      return caseListOrder(field, direction);
    };
    // A search is not counted: a common name matches thousands, and counting them all would cost
    // far more than the page. A list is counted up to LIST_COUNT_CAP, in the page's statement.
    if (f.q) {
      const rows = async (window: PageWindow) => (await caseListPage(this.db, where, order(window), window)).map((r) => summarize(r, today));
      return page(query, ['createdAt', 'DESC'], { rows }, this.config.LIST_COUNT_CAP);
    }
    const rowsCounted = async (window: PageWindow, cap: number) => {
      const counted = await caseListPageCounted(this.db, where, order(window), window, cap);
      return { rows: counted.rows.map((r) => summarize(r, today)), total: counted.total };
    };
    const count = (cap: number) => countCases(this.db, where, cap);
    return page(query, ['createdAt', 'DESC'], { rowsCounted, count }, this.config.LIST_COUNT_CAP);
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
