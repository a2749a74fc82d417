import { dateColumn, dayOf } from '@madoguchi/db';
import { hasLapsed, type MunicipalityPolicy } from '@madoguchi/domain';
import { storedPolicy } from '../policy/stored-policy';
import { z } from 'zod';
import { claimDay, finishDay } from '../daily/daily-runs';
import { defineJob, QUEUE } from '../job';

/**
 * 期限の日次処理: once a day per municipality (at its policy's `dailySweepAt`, Japan time), every
 * mailed agent case whose reply did not come within the printed deadline and the grace days after
 * it lapses: `cancelled` with reason `reply_overdue`, by the system (a history entry with no staff
 * actor). The (municipality, day) row makes a second run of the day do nothing; what is due is read
 * from the cases, so a day missed while the worker or Redis was away is caught up by the next run.
 * A case whose current letter is not out (a reissue on its way) or came back undelivered waits for
 * people, not for the clock.
 */
const SWEEP = 'sweep-deadlines';

export const sweepDeadlines = defineJob({
  name: SWEEP,
  queue: QUEUE.schedule,
  payload: z.object({ municipalityId: z.uuid() }),
  async run({ db, logger, clock }, { municipalityId }) {
    const today = clock.today();
    if ((await claimDay(db, SWEEP, municipalityId, today)) === 'finished') {
      logger.info({ municipalityId, day: today }, 'deadline sweep already done today; nothing to do');
      return 'skipped';
    }

    const candidates = await db.pinResetCase.findMany({
      where: {
        state: 'inquiry_mailed',
        office: { municipalityId },
        // Any grace leaves a reply due today acceptable today: only earlier deadlines can have lapsed.
        letters: { some: { status: 'mailed', replyDeadline: { lt: dateColumn(today) } } },
      },
      select: {
        id: true,
        version: true,
        policyVersionId: true,
        letters: {
          where: { status: { not: 'superseded' } },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { status: true, replyDeadline: true, returnedAt: true },
        },
      },
    });
    const policies = new Map<string, MunicipalityPolicy>();
    for (const id of new Set(candidates.map((c) => c.policyVersionId))) {
      const stored = await db.policyVersion.findUniqueOrThrow({ where: { id }, select: { policy: true } });
      policies.set(id, storedPolicy(id, stored.policy));
    }

    let lapsed = 0;
    for (const c of candidates) {
      const letter = c.letters[0];
      if (letter?.status !== 'mailed' || !letter.replyDeadline || letter.returnedAt) continue;
      const replyDeadline = dayOf(letter.replyDeadline);
      const graceDays = policies.get(c.policyVersionId)!.lapseGraceDays;
      if (!hasLapsed(replyDeadline, today, graceDays)) continue;
      const done = await db.$transaction(async (tx) => {
        // Guarded by the version: a reply recorded meanwhile wins, and the case is left alone.
        const moved = await tx.pinResetCase.updateMany({
          where: { id: c.id, version: c.version, state: 'inquiry_mailed' },
          data: { state: 'cancelled', version: { increment: 1 } },
        });
        if (moved.count !== 1) return false;
        await tx.caseHistory.create({
          data: {
            caseId: c.id,
            fromState: 'inquiry_mailed',
            toState: 'cancelled',
            actorId: null,
            reason: 'reply_overdue',
            details: { replyDeadline, graceDays },
          },
        });
        return true;
      });
      if (done) lapsed++;
    }
    await finishDay(db, SWEEP, municipalityId, today, lapsed, clock.now());
    logger.info({ municipalityId, day: today, lapsed }, 'deadline sweep done');
    return 'done';
  },
});
