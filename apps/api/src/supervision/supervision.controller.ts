import { Controller, Get, Query } from '@nestjs/common';
import { openAgentCasesSchema, queueOverviewSchema, supervisionQuerySchema, walkInsTodaySchema } from '@madoguchi/contract/schemas';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { QueueOverviewService, type QueueOverview } from './queue-overview.service';
import { SupervisionService, type OpenAgentCases, type WalkInsToday } from './supervision.service';

@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly queue: QueueOverviewService,
  ) {}

  /** Open agent cases by state and age, the overdue count and the oldest, for one office or all. */
  @Describe('未完了の任意代理人案件（状態別・経過日数別・期限超過）', { answer: openAgentCasesSchema })
  @Get('open-agent-cases')
  @Allow('supervise')
  openAgentCases(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<OpenAgentCases> {
    return this.supervision.openAgentCases(staff, parseBody(supervisionQuerySchema, query).officeId);
  }

  /** The letter pipeline: outbox backlog, letters by status, stuck and failed letters, queue counts and dead jobs. */
  @Describe('照会書作成キューの状況（滞留・失敗・ジョブ数）', { answer: queueOverviewSchema })
  @Get('queue')
  @Allow('supervise')
  queueOverview(@CurrentStaff() staff: StaffPrincipal): Promise<QueueOverview> {
    return this.queue.overview(staff);
  }

  @Describe('本日の受付件数（窓口別・経路別）', { answer: walkInsTodaySchema })
  @Get('walk-ins-today')
  @Allow('supervise')
  walkInsToday(@CurrentStaff() staff: StaffPrincipal): Promise<WalkInsToday> {
    return this.supervision.walkInsToday(staff);
  }
}
