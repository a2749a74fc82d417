import { addDays, japanDayStart } from '@madoguchi/domain';
import { storedPolicy } from '../policy/stored-policy';
import { z } from 'zod';
import { claimDay, finishDay } from '../daily/daily-runs';
import { defineJob, QUEUE } from '../job';

const RETENTION = 'remove-expired-pdfs';

/**
 * 保存期間: once a day per municipality, the PDFs of letters and completion notices whose cases
 * ended more than the policy's `pdfRetentionDays` ago are deleted (the rows keep their SHA-256,
 * numbers and dates, and say when the PDF went), and a mailed print run's PDF goes once every
 * piece in it has gone. Mailing ledgers are the record of what was sent: this never touches them.
 */
export const removeExpiredPdfs = defineJob({
  name: RETENTION,
  queue: QUEUE.schedule,
  payload: z.object({ municipalityId: z.uuid() }),
  async run({ db, logger, clock }, { municipalityId }) {
    const today = clock.today();
    if ((await claimDay(db, RETENTION, municipalityId, today)) === 'finished') {
      logger.info({ municipalityId, day: today }, 'PDF retention already done today; nothing to do');
      return 'skipped';
    }
    const now = clock.now();
    const versions = await db.policyVersion.findMany({ where: { municipalityId }, select: { id: true, policy: true } });
    let removed = 0;
    for (const version of versions) {
      const policy = storedPolicy(version.id, version.policy);
      // A case ended on the day of its last move into the state it is in; kept for whole days after it.
      const endedBefore = japanDayStart(addDays(today, -policy.pdfRetentionDays));
      const ended = (table: 'inquiry_letters' | 'completion_notices') =>
        db.$executeRawUnsafe(
          `UPDATE ${table} AS d SET pdf = NULL, pdf_removed_at = $1
         FROM cases c
         WHERE d.case_id = c.id AND d.pdf_removed_at IS NULL AND (d.pdf IS NOT NULL OR d.print_run_id IS NOT NULL)
           AND c.policy_version_id = $2::uuid AND c.state IN ('completed', 'cancelled')
           AND (SELECT max(h.at) FROM case_history h WHERE h.case_id = c.id AND h.to_state = c.state) < $3`,
          now,
          version.id,
          endedBefore,
        );
      removed += (await ended('inquiry_letters')) + (await ended('completion_notices'));
    }
    removed += await db.$executeRaw`
      UPDATE print_runs AS r SET pdf = NULL, pdf_removed_at = ${now}
      WHERE r.status = 'mailed' AND r.pdf_removed_at IS NULL
        AND r.office_id IN (SELECT id FROM offices WHERE municipality_id = ${municipalityId}::uuid)
        AND NOT EXISTS (SELECT 1 FROM inquiry_letters l WHERE l.print_run_id = r.id AND l.pdf_removed_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM completion_notices n WHERE n.print_run_id = r.id AND n.pdf_removed_at IS NULL)`;
    await finishDay(db, RETENTION, municipalityId, today, removed, now);
    logger.info({ municipalityId, day: today, removed }, 'PDF retention done');
    return 'done';
  },
});
