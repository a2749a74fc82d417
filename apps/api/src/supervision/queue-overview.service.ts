import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { LETTER_STATUS, type LetterStatus } from '@madoguchi/domain';
import { QueueInspector } from '@madoguchi/platform';
import type { Redis } from 'ioredis';
import type { StaffPrincipal } from '../auth/principal';
import { sameMunicipalityAs } from '../cases/case-query.service';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { LETTER_SUMMARY_SELECT, summarizeLetter } from '../letters/letter-list';
import { PRINT_RUN_SUMMARY_SELECT, toPrintRunSummary } from '../print-runs/print-run-view';
import { REDIS } from '../redis/redis.module';
import type { QueueOverview } from '@madoguchi/contract';

/** A letter still waiting for the worker after this long is stuck, not busy. */
export const STUCK_AFTER_MINUTES = 10;
const LIST_LIMIT = 50;

/** キューの状況: what supervisors and admins see of the letter pipeline, from the database and the queue. */
@Injectable()
export class QueueOverviewService implements OnApplicationShutdown {
  private readonly inspector: QueueInspector;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly clock: Clock,
  ) {
    this.inspector = new QueueInspector(redis, config.REDIS_PREFIX);
  }

  async overview(staff: StaffPrincipal): Promise<QueueOverview> {
    const now = this.clock.now();
    const ours = { case: sameMunicipalityAs(staff) };
    const [unsent, oldest, refused, byStatus, stuck, failed, rendering, queues, deadJobs] = await Promise.all([
      this.db.outboxMessage.count({ where: { sentAt: null, lastError: null } }),
      this.db.outboxMessage.findFirst({ where: { sentAt: null, lastError: null }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
      this.db.outboxMessage.count({ where: { sentAt: null, lastError: { not: null } } }),
      this.db.inquiryLetter.groupBy({ by: ['status'], where: ours, _count: { _all: true } }),
      this.db.inquiryLetter.findMany({
        where: { ...ours, status: 'pending', updatedAt: { lt: new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000) } },
        orderBy: { updatedAt: 'asc' },
        take: LIST_LIMIT,
        select: LETTER_SUMMARY_SELECT,
      }),
      this.db.inquiryLetter.findMany({ where: { ...ours, status: 'failed' }, orderBy: { updatedAt: 'desc' }, take: LIST_LIMIT, select: LETTER_SUMMARY_SELECT }),
      this.db.printRun.findMany({ where: { ...sameMunicipalityAs(staff), status: 'rendering' }, orderBy: { createdAt: 'asc' }, take: LIST_LIMIT, select: PRINT_RUN_SUMMARY_SELECT }),
      this.inspector.counts(),
      this.inspector.failedJobs(LIST_LIMIT),
    ]);
    const letters = Object.fromEntries(LETTER_STATUS.values.map((s) => [s, byStatus.find((g) => g.status === s)?._count._all ?? 0])) as Record<LetterStatus, number>;
    return {
      checkedAt: now.toISOString(),
      outbox: { unsent, oldestUnsentAt: oldest?.createdAt.toISOString() ?? null, refused },
      letters,
      stuckLetters: stuck.map(summarizeLetter),
      failedLetters: failed.map(summarizeLetter),
      renderingPrintRuns: rendering.map(toPrintRunSummary),
      queues: queues ?? null,
      deadJobs: deadJobs ?? null,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.inspector.close();
  }
}

export type { QueueOverview };
