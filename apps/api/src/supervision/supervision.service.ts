import { Inject, Injectable } from '@nestjs/common';
import type { Database, Prisma } from '@madoguchi/db';
import { addDays, daysBetween, japanDate, japanDayStart, lapseDay, ROUTE, worklistActions, type Route } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { CASE_SUMMARY_INCLUDE, included, overdueWhere, summarize } from '../cases/case-list';
import { inScope, officeIdsInScope, ownMunicipality } from '../scope/scope';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { PolicyService } from '../policy/policy.service';
import type { OpenAgentCases, WalkInsToday } from '@madoguchi/contract';

const OPEN_AGENT_STATES = ['received', 'inquiry_mailed', 'reply_returned'] as const;
/** How many of the oldest open (and oldest overdue) cases the dashboard lists. */
const LIST_LIMIT = 10;
/** Age bands in days since registration, as a supervisor reads them at month-end. */
export const AGE_BANDS = [
  { label: '7日以内', maxDays: 7 },
  { label: '8〜14日', maxDays: 14 },
  { label: '15〜30日', maxDays: 30 },
  { label: '31〜60日', maxDays: 60 },
  { label: '61日以上', maxDays: Number.POSITIVE_INFINITY },
] as const;

/** 未完了の任意代理人案件: the agent cases still open, for the supervisor. */
@Injectable()
export class SupervisionService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
  ) {}

  /**
   * Counted by the database (a city has tens of thousands of open cases at month-end): by state and
   * by age band in one grouped query, the overdue in another, and the ten oldest of each list.
   */
  async openAgentCases(staff: StaffPrincipal, officeId?: string): Promise<OpenAgentCases> {
    const today = this.clock.today();
    // The office asked for narrows the caller's scope; one outside it is 404.
    const offices = officeIdsInScope(staff, officeId);
    const open: Prisma.PinResetCaseWhereInput = { route: 'voluntary_agent', state: { in: [...OPEN_AGENT_STATES] }, officeId: { in: offices } };
    const bounds = AGE_BANDS.map((b) => b.maxDays).filter(Number.isFinite);
    // Held: the current letter came back undelivered (a mailed letter not superseded is the current one).
    const returnedWhere: Prisma.PinResetCaseWhereInput = { state: 'inquiry_mailed', letters: { some: { status: 'mailed', returnedAt: { not: null } } } };
    const [groups, overdue, oldest, oldestOverdue, returned, oldestReturned] = await Promise.all([
      this.db.$queryRaw<{ state: (typeof OPEN_AGENT_STATES)[number]; band: number; n: number }[]>`
        SELECT state::text AS state, width_bucket(age, ${bounds.map((d) => d + 1)}::int[]) AS band, count(*)::int AS n
        FROM (SELECT state, ${today}::date - (created_at AT TIME ZONE 'Asia/Tokyo')::date AS age
              FROM cases WHERE office_id = ANY(${offices}::uuid[]) AND route = 'voluntary_agent' AND state = ANY(${[...OPEN_AGENT_STATES]}::"CaseState"[])) c
        GROUP BY 1, 2`,
      this.db.pinResetCase.count({ where: { AND: [open, overdueWhere(today)] } }),
      this.oldestOpen(offices),
      this.db.pinResetCase.findMany({
        where: { AND: [open, overdueWhere(today)] },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: LIST_LIMIT,
        include: CASE_SUMMARY_INCLUDE,
      }),
      this.db.pinResetCase.count({ where: { AND: [open, returnedWhere] } }),
      this.db.pinResetCase.findMany({
        where: { AND: [open, returnedWhere] },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: LIST_LIMIT,
        include: CASE_SUMMARY_INCLUDE,
      }),
    ]);
    const withAge = (r: (typeof oldest)[number]) => ({ ...summarize(included(r), today), ageDays: daysBetween(japanDate(r.createdAt), today) });
    const count = (match: (g: (typeof groups)[number]) => boolean) => groups.filter(match).reduce((n, g) => n + g.n, 0);
    const byState = Object.fromEntries(OPEN_AGENT_STATES.map((s) => [s, count((g) => g.state === s)])) as OpenAgentCases['byState'];
    const byAge = AGE_BANDS.map((band, i) => ({
      label: band.label,
      fromDays: i === 0 ? 0 : AGE_BANDS[i - 1]!.maxDays + 1,
      toDays: Number.isFinite(band.maxDays) ? band.maxDays : null,
      count: count((g) => g.band === i),
    }));
    const worklist = await this.worklist([...oldestReturned, ...oldestOverdue.filter((c) => !oldestReturned.some((r) => r.id === c.id))], today);
    return {
      today,
      total: count(() => true),
      byState,
      byAge,
      overdue,
      oldest: oldest.map(withAge),
      oldestOverdue: oldestOverdue.map(withAge),
      returned,
      worklist,
    };
  }

  /** Each held or overdue case with the day it lapses by itself (its policy's grace days) and what can be done next. */
  private async worklist(rows: Prisma.PinResetCaseGetPayload<{ include: typeof CASE_SUMMARY_INCLUDE }>[], today: string): Promise<OpenAgentCases['worklist']> {
    const graceOf = new Map<string, number>();
    for (const id of new Set(rows.map((r) => r.policyVersionId))) graceOf.set(id, (await this.policies.byVersionId(id)).lapseGraceDays);
    return rows.map((r) => {
      const summary = summarize(included(r), today);
      return {
        ...summary,
        ageDays: daysBetween(japanDate(r.createdAt), today),
        lapsesOn: summary.replyDeadline && !summary.returned ? lapseDay(summary.replyDeadline, graceOf.get(r.policyVersionId)!) : null,
        actions: worklistActions(summary),
      };
    });
  }

  /**
   * The oldest open cases: one query per state, each walking its (state, route, created_at) index
   * from the oldest, then merged. One query over the three states would walk the created_at index
   * through three years of finished cases to find the open ones.
   */
  private async oldestOpen(offices: string[]) {
    const perState = await Promise.all(
      OPEN_AGENT_STATES.map((state) =>
        this.db.pinResetCase.findMany({
          where: { route: 'voluntary_agent', state, officeId: { in: offices } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: LIST_LIMIT,
          include: CASE_SUMMARY_INCLUDE,
        }),
      ),
    );
    return perState
      .flat()
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, LIST_LIMIT);
  }

  /** 本日の受付: today's walk-ins (Japan's day) per office and route. */
  async walkInsToday(staff: StaffPrincipal): Promise<WalkInsToday> {
    const today = this.clock.today();
    const [start, end] = [japanDayStart(today), japanDayStart(addDays(today, 1))];
    const [offices, counts] = await Promise.all([
      this.db.office.findMany({ where: ownMunicipality(staff), orderBy: { code: 'asc' }, select: { id: true, name: true } }),
      this.db.pinResetCase.groupBy({ by: ['officeId', 'route'], where: { createdAt: { gte: start, lt: end }, ...inScope(staff) }, _count: { _all: true } }),
    ]);
    return {
      today,
      offices: offices.map((office) => {
        const byRoute = Object.fromEntries(
          ROUTE.values.map((r) => [r, counts.find((c) => c.officeId === office.id && c.route === r)?._count._all ?? 0]),
        ) as Record<Route, number>;
        return { officeId: office.id, officeName: office.name, total: Object.values(byRoute).reduce((a, b) => a + b, 0), byRoute };
      }),
    };
  }
}

export type { OpenAgentCases, WalkInsToday };
