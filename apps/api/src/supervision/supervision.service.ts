import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { daysBetween, japanDate, ROUTE, type Route } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { CASE_SUMMARY_INCLUDE, summarize } from '../cases/case-list';
import { sameMunicipalityAs } from '../cases/case-query.service';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import type { OpenAgentCases, WalkInsToday } from '@madoguchi/contract';

const OPEN_AGENT_STATES = ['received', 'inquiry_mailed', 'reply_returned'] as const;
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
  ) {}

  async openAgentCases(staff: StaffPrincipal, officeId?: string): Promise<OpenAgentCases> {
    const today = this.clock.today();
    const rows = await this.db.pinResetCase.findMany({
      where: { route: 'voluntary_agent', state: { in: [...OPEN_AGENT_STATES] }, ...sameMunicipalityAs(staff), ...(officeId ? { officeId } : {}) },
      orderBy: { createdAt: 'asc' },
      include: CASE_SUMMARY_INCLUDE,
    });
    const cases = rows.map((r) => ({ ...summarize(r, today), ageDays: daysBetween(japanDate(r.createdAt), today) }));
    const byState = Object.fromEntries(OPEN_AGENT_STATES.map((s) => [s, cases.filter((c) => c.state === s).length])) as OpenAgentCases['byState'];
    const byAge = AGE_BANDS.map((band, i) => ({
      label: band.label,
      count: cases.filter((c) => c.ageDays <= band.maxDays && (i === 0 || c.ageDays > AGE_BANDS[i - 1]!.maxDays)).length,
    }));
    return { today, total: cases.length, byState, byAge, overdue: cases.filter((c) => c.overdue).length, oldest: cases.slice(0, 10) };
  }

  /** 本日の受付: today's walk-ins (Japan's day) per office and route. */
  async walkInsToday(staff: StaffPrincipal): Promise<WalkInsToday> {
    const today = this.clock.today();
    const start = new Date(`${today}T00:00:00+09:00`);
    const end = new Date(start.getTime() + 86_400_000);
    const [offices, counts] = await Promise.all([
      this.db.office.findMany({ where: { municipality: { offices: { some: { id: staff.officeId } } } }, orderBy: { code: 'asc' }, select: { id: true, name: true } }),
      this.db.pinResetCase.groupBy({ by: ['officeId', 'route'], where: { createdAt: { gte: start, lt: end }, ...sameMunicipalityAs(staff) }, _count: { _all: true } }),
    ]);
    return {
      today,
      offices: offices.map((office) => {
        const byRoute = Object.fromEntries(ROUTE.values.map((r) => [r, counts.find((c) => c.officeId === office.id && c.route === r)?._count._all ?? 0])) as Record<Route, number>;
        return { officeId: office.id, officeName: office.name, total: Object.values(byRoute).reduce((a, b) => a + b, 0), byRoute };
      }),
    };
  }
}

export type { OpenAgentCases, WalkInsToday };
