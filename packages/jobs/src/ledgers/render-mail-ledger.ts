import { createHash } from 'node:crypto';
import { dateColumn, type Database } from '@madoguchi/db';
import { japanTime, type IsoDate } from '@madoguchi/domain';
import type { MailLedgerData } from '@madoguchi/letters';
import { z } from 'zod';
import { defineJob, QUEUE } from '../job';
import { letterRenderer } from '../letters/renderer';

/** An office's day of ledgers as the PDF prints it: its runs' lines in the order they were mailed. */
export async function dayLedgerData(db: Database, officeId: string, day: IsoDate): Promise<MailLedgerData & { runs: number }> {
  const [office, ledgers] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: officeId }, select: { name: true } }),
    db.mailLedger.findMany({
      where: { officeId, mailedOn: dateColumn(day) },
      orderBy: { confirmedAt: 'asc' },
      include: { lines: { orderBy: { position: 'asc' } }, confirmedBy: { select: { displayName: true } } },
    }),
  ]);
  const pieceCount = ledgers.reduce((n, l) => n + l.pieceCount, 0);
  return {
    day,
    office: office.name,
    lines: ledgers.flatMap((l) => l.lines),
    pieceCount,
    postageYen: ledgers.at(-1)?.postageYen ?? 0,
    postageTotal: ledgers.reduce((n, l) => n + l.postageTotal, 0),
    postagePayment: (ledgers.at(-1)?.postagePayment ?? 'deferred') as MailLedgerData['postagePayment'],
    confirmations: ledgers.map((l) => ({ by: l.confirmedBy.displayName, at: japanTime(l.confirmedAt), pieces: l.pieceCount })),
    runs: ledgers.length,
  };
}

/**
 * 発送簿の作成: the PDF of an office's day of ledgers, made again whenever a run of that day is
 * mailed. A render never replaces one that covers more runs (two jobs of one day may finish in
 * either order), so the stored PDF only grows towards the whole day.
 */
export const renderMailLedger = defineJob({
  name: 'render-mail-ledger',
  queue: QUEUE.letters,
  payload: z.object({ officeId: z.uuid(), day: z.iso.date() }),
  async run({ db, logger, clock }, { officeId, day }) {
    const data = await dayLedgerData(db, officeId, day);
    if (!data.runs) return 'skipped';
    const pdf = await letterRenderer().renderMailLedger(data);
    const sha = createHash('sha256').update(pdf).digest('hex');
    const stored = await db.$executeRaw`
      INSERT INTO mail_ledger_documents (office_id, day, runs, pdf, pdf_sha256, rendered_at)
      VALUES (${officeId}::uuid, ${day}::date, ${data.runs}, ${new Uint8Array(pdf)}, ${sha}, ${clock.now()})
      ON CONFLICT (office_id, day) DO UPDATE
      SET runs = EXCLUDED.runs, pdf = EXCLUDED.pdf, pdf_sha256 = EXCLUDED.pdf_sha256, rendered_at = EXCLUDED.rendered_at
      WHERE mail_ledger_documents.runs <= EXCLUDED.runs`;
    logger.info({ officeId, day, runs: data.runs, pieces: data.pieceCount, stored: stored === 1 }, 'mail ledger rendered');
    return stored === 1 ? 'done' : 'skipped';
  },
});
