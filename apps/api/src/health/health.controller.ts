import { healthSchema } from '@madoguchi/contract/schemas';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
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
  async check(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
