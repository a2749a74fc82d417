import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { QueueInspector } from '@madoguchi/jobs';
import type { Redis } from 'ioredis';
import type { StaffPrincipal } from '../auth/principal';
import { inScope, ownMunicipality } from '../scope/scope';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { LETTER_SUMMARY_SELECT, summarizeLetter } from '../letters/letter-list';
import { PRINT_RUN_SUMMARY_SELECT, toPrintRunSummary } from '../print-runs/print-run-view';
import { REDIS } from '../redis/redis.module';
import { PIPELINE_LETTER_STATUSES, type FailedJob, type QueueOverview } from '@madoguchi/contract';
import { isUuid } from '../validation/ids';

/** A letter still waiting for the worker after this long is stuck, not busy. */
export const STUCK_AFTER_MINUTES = 10;
const LIST_LIMIT = 50;
/** How many of BullMQ's newest dead jobs are read to find the caller's among every municipality's. */
const DEAD_JOBS_SCANNED = 500;

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
    const ours = { case: inScope(staff) };
    const outbox = { ...ownMunicipality(staff), sentAt: null };
    const [unsent, oldest, refused, byStatus, stuck, failed, rendering, queueReachable, deadJobs] = await Promise.all([
      this.db.outboxMessage.count({ where: { ...outbox, lastError: null } }),
      this.db.outboxMessage.findFirst({ where: { ...outbox, lastError: null }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
      this.db.outboxMessage.count({ where: { ...outbox, lastError: { not: null } } }),
      // The pipeline only: counting every mailed letter of three years would grow with the archive.
      this.db.inquiryLetter.groupBy({ by: ['status'], where: { ...ours, status: { in: [...PIPELINE_LETTER_STATUSES] } }, _count: { _all: true } }),
      this.db.inquiryLetter.findMany({
        where: { ...ours, status: 'pending', updatedAt: { lt: new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000) } },
        orderBy: { updatedAt: 'asc' },
        take: LIST_LIMIT,
        select: LETTER_SUMMARY_SELECT,
      }),
      this.db.inquiryLetter.findMany({ where: { ...ours, status: 'failed' }, orderBy: { updatedAt: 'desc' }, take: LIST_LIMIT, select: LETTER_SUMMARY_SELECT }),
      this.db.printRun.findMany({
        where: { ...inScope(staff), status: 'rendering' },
        orderBy: { createdAt: 'asc' },
        take: LIST_LIMIT,
        select: PRINT_RUN_SUMMARY_SELECT,
      }),
      this.inspector.reachable(),
      this.deadJobsOf(staff),
    ]);
    const letters = Object.fromEntries(
      PIPELINE_LETTER_STATUSES.map((s) => [s, byStatus.find((g) => g.status === s)?._count._all ?? 0]),
    ) as QueueOverview['letters'];
    return {
      checkedAt: now.toISOString(),
      outbox: { unsent, oldestUnsentAt: oldest?.createdAt.toISOString() ?? null, refused },
      letters,
      stuckLetters: stuck.map(summarizeLetter),
      failedLetters: failed.map(summarizeLetter),
      renderingPrintRuns: rendering.map(toPrintRunSummary),
      queueReachable,
      deadJobs: deadJobs ?? null,
    };
  }

  /**
   * The dead jobs of the caller's municipality: BullMQ's failed list is every municipality's, so
   * each job is kept only if the letter or print run it names is in the caller's scope.
   */
  private async deadJobsOf(staff: StaffPrincipal): Promise<FailedJob[] | undefined> {
    const jobs = await this.inspector.failedJobs(DEAD_JOBS_SCANNED);
    if (!jobs) return undefined;
    const subject = (data: unknown) => (typeof data === 'object' && data !== null ? (data as { letterId?: unknown; printRunId?: unknown }) : {});
    const ids = (key: 'letterId' | 'printRunId') => jobs.map((j) => subject(j.data)[key]).filter((id): id is string => typeof id === 'string' && isUuid(id));
    const [letters, runs] = await Promise.all([
      this.db.inquiryLetter.findMany({ where: { id: { in: ids('letterId') }, case: inScope(staff) }, select: { id: true } }),
      this.db.printRun.findMany({ where: { id: { in: ids('printRunId') }, ...inScope(staff) }, select: { id: true } }),
    ]);
    const ours = new Set([...letters, ...runs].map((r) => r.id));
    return jobs
      .filter((j) => {
        const { letterId, printRunId } = subject(j.data);
        return ours.has(String(letterId)) || ours.has(String(printRunId));
      })
      .slice(0, LIST_LIMIT)
      .map(({ data: _data, ...job }) => job);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.inspector.close();
  }
}

export type { QueueOverview };
