import type { Database } from '@madoguchi/db';
import { japanDate } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import pino from 'pino';
import type { JobContext } from '../job';
import { jobNamed } from '../registry';

/** A job context for tests: the run's database, the letters' key the test checks codes against, a silent logger, the real clock. */
export function testJobContext(db: Database, letterSecret: string): JobContext {
  return { db, codes: new LetterCodes(letterSecret), logger: pino({ level: 'silent' }), clock: { now: () => new Date(), today: () => japanDate(new Date()) } };
}

export interface OutboxFilter {
  municipalityId?: string;
  /** Only the rows whose job and payload this says yes to (the others stay in the outbox). */
  only?: (job: string, payload: Record<string, unknown>) => boolean;
}

/**
 * The in-process driver: run the real jobs of the outbox here and now, without Redis or a worker
 * process, as the worker would (row claimed, payload checked, job run). Jobs a job enqueues run
 * too, until nothing the filter takes is left. A job's failure is thrown to the test.
 */
export async function runOutbox(ctx: JobContext, filter: OutboxFilter = {}): Promise<number> {
  let ran = 0;
  for (;;) {
    const claimed = await ctx.db.$transaction(async (tx) => {
      const rows = await tx.outboxMessage.findMany({
        where: { sentAt: null, lastError: null, ...(filter.municipalityId ? { municipalityId: filter.municipalityId } : {}) },
        orderBy: { id: 'asc' },
        select: { id: true, job: true, payload: true },
      });
      const row = rows.find((r) => !filter.only || filter.only(r.job, r.payload as Record<string, unknown>));
      if (!row) return undefined;
      const taken = await tx.outboxMessage.updateMany({ where: { id: row.id, sentAt: null }, data: { sentAt: ctx.clock.now(), attempts: { increment: 1 } } });
      return taken.count ? row : undefined;
    });
    if (!claimed) return ran;
    const job = jobNamed(claimed.job);
    if (!job) throw new Error(`outbox row ${claimed.id} names an unknown job "${claimed.job}"`);
    await job.run(ctx, job.payload.parse(claimed.payload));
    ran++;
  }
}

export { dailyTestCity } from './daily-city';
