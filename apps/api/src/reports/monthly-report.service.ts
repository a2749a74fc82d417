import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type Database } from '@madoguchi/db';
import { addDays, compareDates, japanDayStart, monthDays, PIN, RESET_REASON, ROUTE, type IsoMonth, type Route } from '@madoguchi/domain';
import type { MonthlyReport } from '@madoguchi/contract';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { officeIdsInScope } from '../scope/scope';

type ByRoute = Record<Route, number>;
const noRoutes = (): ByRoute => ({ self: 0, legal_representative: 0, voluntary_agent: 0 });
const sum = (rows: readonly { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
/** Counts by a key, every key of the list present. */
function tally<K extends string>(keys: readonly K[], rows: readonly { key: string; n: number }[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, sum(rows.filter((r) => r.key === k))])) as Record<K, number>;
}

/**
 * 月報: a month of the counter in numbers, counted by the database (no rows are loaded into Node):
 * cases received by route, office, PIN and reason; completed and cancelled; for the agent route
 * the letters mailed, replies returned, days from registration to completion, the overdue at the
 * month's last day, lapses, returns and reissues; the daily series and the histogram behind the
 * charts. Months and days are Japan's. Each view is in the audit log.
 */
@Injectable()
export class MonthlyReportService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async report(staff: StaffPrincipal, month: IsoMonth, officeId?: string): Promise<MonthlyReport> {
    const offices = officeIdsInScope(staff, officeId);
    const { first, last, next } = monthDays(month);
    const [start, end] = [japanDayStart(first), japanDayStart(next)];
    const q = this.db.$queryRaw.bind(this.db);

    const [received, pins, reasons, moves, agentCounts, completion, histogram, overdue, perDay, names] = await Promise.all([
      q<{ route: string; office_id: string; n: number }[]>`
        SELECT route::text AS route, office_id, count(*)::int AS n FROM cases
        WHERE office_id = ANY(${offices}::uuid[]) AND created_at >= ${start} AND created_at < ${end} GROUP BY 1, 2`,
      q<{ key: string; n: number }[]>`
        SELECT p::text AS key, count(*)::int AS n FROM cases, unnest(pins) AS p
        WHERE office_id = ANY(${offices}::uuid[]) AND created_at >= ${start} AND created_at < ${end} GROUP BY 1`,
      q<{ key: string; n: number }[]>`
        SELECT reason::text AS key, count(*)::int AS n FROM cases
        WHERE office_id = ANY(${offices}::uuid[]) AND created_at >= ${start} AND created_at < ${end} GROUP BY 1`,
      // Moves into a final state in the month; a lapse is the system's cancellation for an overdue reply.
      q<{ state: string; route: string; office_id: string; lapsed: boolean; n: number }[]>`
        SELECT h.to_state::text AS state, c.route::text AS route, c.office_id, (h.reason = 'reply_overdue' AND h.actor_id IS NULL) AS lapsed, count(*)::int AS n
        FROM case_history h JOIN cases c ON c.id = h.case_id
        WHERE c.office_id = ANY(${offices}::uuid[]) AND h.to_state IN ('completed', 'cancelled', 'reply_returned')
          AND h.from_state IS DISTINCT FROM h.to_state AND h.at >= ${start} AND h.at < ${end}
        GROUP BY 1, 2, 3, 4`,
      q<{ mailed: number; returned: number; reissues: number }[]>`
        SELECT
          count(*) FILTER (WHERE l.mailed_on >= ${first}::date AND l.mailed_on < ${next}::date)::int AS mailed,
          count(*) FILTER (WHERE l.returned_at >= ${start} AND l.returned_at < ${end})::int AS returned,
          count(*) FILTER (WHERE l.reissue_of_id IS NOT NULL AND l.created_at >= ${start} AND l.created_at < ${end})::int AS reissues
        FROM inquiry_letters l JOIN cases c ON c.id = l.case_id
        WHERE c.office_id = ANY(${offices}::uuid[])
          AND ((l.mailed_on >= ${first}::date AND l.mailed_on < ${next}::date)
            OR (l.returned_at >= ${start} AND l.returned_at < ${end})
            OR (l.reissue_of_id IS NOT NULL AND l.created_at >= ${start} AND l.created_at < ${end}))`,
      q<{ average: number | null; p90: number | null }[]>`
        SELECT avg(days)::float AS average, percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::float AS p90 FROM (${this.daysToCompletion(offices, start, end)}) d`,
      q<{ days: number; n: number }[]>`SELECT days, count(*)::int AS n FROM (${this.daysToCompletion(offices, start, end)}) d GROUP BY 1 ORDER BY 1`,
      // As at the month's last day: the case was waiting for its reply (it still is, or it left
      // inquiry_mailed only after the month), and the deadline of the last letter mailed by then
      // had passed. Read from the waiting cases, not from every agent case there ever was.
      q<{ n: number }[]>`
        WITH waiting AS (
          SELECT c.id FROM cases c
          WHERE c.office_id = ANY(${offices}::uuid[]) AND c.route = 'voluntary_agent' AND c.state = 'inquiry_mailed' AND c.created_at < ${end}
          UNION
          SELECT h.case_id FROM case_history h JOIN cases c ON c.id = h.case_id
          WHERE h.from_state = 'inquiry_mailed' AND h.to_state <> 'inquiry_mailed' AND h.at >= ${end}
            AND c.office_id = ANY(${offices}::uuid[]) AND c.route = 'voluntary_agent' AND c.created_at < ${end}
        )
        SELECT count(*)::int AS n FROM waiting w
        JOIN LATERAL (
          SELECT l.reply_deadline FROM inquiry_letters l
          WHERE l.case_id = w.id AND l.mailed_on IS NOT NULL AND l.mailed_on <= ${last}::date
          ORDER BY l.mailed_on DESC, l.created_at DESC LIMIT 1
        ) cur ON true
        WHERE cur.reply_deadline < ${last}::date`,
      q<{ day: string; route: string; n: number }[]>`
        SELECT to_char((created_at AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS day, route::text AS route, count(*)::int AS n FROM cases
        WHERE office_id = ANY(${offices}::uuid[]) AND created_at >= ${start} AND created_at < ${end} GROUP BY 1, 2`,
      this.db.office.findMany({ where: { id: { in: offices } }, select: { id: true, name: true }, orderBy: { code: 'asc' } }),
    ]);
    await this.db.auditEvent.create({
      data: { actorId: staff.id, municipalityId: staff.municipalityId, action: 'report_viewed', details: { month, officeId: officeId ?? null } },
    });

    const byRoute = (rows: readonly { route: string; n: number }[]): ByRoute => ({
      ...noRoutes(),
      ...tally(
        ROUTE.values,
        rows.map((r) => ({ key: r.route, n: r.n })),
      ),
    });
    const moved = (state: string) => moves.filter((m) => m.state === state);
    const byOffice = (rows: readonly { office_id: string; n: number }[]) =>
      names.map((o) => ({ officeId: o.id, officeName: o.name, count: sum(rows.filter((r) => r.office_id === o.id)) }));
    const days: MonthlyReport['perDay'] = [];
    for (let d = first; compareDates(d, last) <= 0; d = addDays(d, 1)) {
      days.push({ day: d, ...byRoute(perDay.filter((r) => r.day === d)) });
    }
    const [counts] = agentCounts;
    return {
      month,
      officeId: officeId ?? null,
      received: {
        total: sum(received),
        byRoute: byRoute(received),
        byOffice: byOffice(received),
        byPin: tally(PIN.values, pins),
        byReason: tally(RESET_REASON.values, reasons),
      },
      completed: { total: sum(moved('completed')), byRoute: byRoute(moved('completed')), byOffice: byOffice(moved('completed')) },
      cancelled: { total: sum(moved('cancelled')), byRoute: byRoute(moved('cancelled')), byOffice: byOffice(moved('cancelled')) },
      agent: {
        lettersMailed: counts?.mailed ?? 0,
        repliesReturned: sum(moved('reply_returned')),
        completed: byRoute(moved('completed')).voluntary_agent,
        averageDaysToCompletion: completion[0]?.average ?? null,
        p90DaysToCompletion: completion[0]?.p90 ?? null,
        overdueAtMonthEnd: overdue[0]?.n ?? 0,
        lapsed: sum(moved('cancelled').filter((m) => m.lapsed)),
        returnedUndelivered: counts?.returned ?? 0,
        reissues: counts?.reissues ?? 0,
      },
      perDay: days,
      daysToCompletion: histogram.map((h) => ({ days: h.days, count: h.n })),
    };
  }

  /** Calendar days (Japan's) from registration to completion of the agent cases completed in the range. */
  private daysToCompletion(offices: string[], start: Date, end: Date): Prisma.Sql {
    return Prisma.sql`
      SELECT ((h.at AT TIME ZONE 'Asia/Tokyo')::date - (c.created_at AT TIME ZONE 'Asia/Tokyo')::date) AS days
      FROM case_history h JOIN cases c ON c.id = h.case_id
      WHERE c.office_id = ANY(${offices}::uuid[]) AND c.route = 'voluntary_agent' AND h.to_state = 'completed'
        AND h.at >= ${start} AND h.at < ${end}`;
  }
}
