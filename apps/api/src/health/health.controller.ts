import { healthSchema, livenessSchema } from '@madoguchi/contract/schemas';
import { Controller, Get, Res } from '@nestjs/common';
import type { Answer } from '../http/answer';
import { Describe, Public } from '../auth/decorators';
import type { Health } from '@madoguchi/contract';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database and Redis both answer, 503 otherwise; the body says which is down. */
  @Describe('データベースと Redis への到達性', { answer: healthSchema })
  @Get()
  @Public()
  async check(@Res({ passthrough: true }) res: Answer): Promise<Health> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** Alive: the process answers. What a service manager restarts on; it asks nothing of the servers. */
  @Describe('プロセスの生存確認', { answer: livenessSchema })
  @Get('live')
  @Public()
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }

  /**
   * Ready: the database answers, so the API can take requests (what a load balancer routes on).
   * Redis away is `degraded` but ready: registrations go on and their letters wait in the outbox.
   */
  @Describe('リクエストを受けられるか（データベースへの到達性。Redis の停止は degraded）', { answer: healthSchema })
  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) res: Answer): Promise<Health> {
    const report = await this.health.check();
    res.status(report.database === 'up' ? 200 : 503);
    return report;
  }
}
