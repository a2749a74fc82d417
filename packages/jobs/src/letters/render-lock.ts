import { dayOf, type Prisma } from '@madoguchi/db';
import type { IsoDate, LetterStatus } from '@madoguchi/domain';

/** Statuses of a piece already printed: re-rendered as printed, never moved back to ready. */
const PRINTED: readonly LetterStatus[] = ['printed', 'mailed'];

export type RenderTurn =
  /** Nothing to do: rendered already, superseded, or gone. */
  | { render: false; status: LetterStatus | 'missing' }
  /** A pending piece, dated today; or a printed one a print run re-dated (`redatedOn`), rendered as printed. */
  | { render: true; status: LetterStatus; redatedOn: IsoDate | null };

/**
 * Lock an inquiry letter's or a completion notice's row for its render and say whether it is to be
 * rendered: only one without its PDF is, so a job that runs twice (a retry, a second worker, a
 * worker that died after the commit) finds the PDF there and does nothing.
 */
export async function lockForRender(tx: Prisma.TransactionClient, table: 'inquiry_letters' | 'completion_notices', id: string): Promise<RenderTurn> {
  const [row] = await tx.$queryRawUnsafe<{ status: LetterStatus; has_pdf: boolean; issued_on: Date | null }[]>(
    `SELECT status, pdf IS NOT NULL AS has_pdf, issued_on FROM ${table} WHERE id = $1::uuid FOR UPDATE`,
    id,
  );
  if (!row) return { render: false, status: 'missing' };
  return renderTurn(row);
}

/** Whether a locked row is to be rendered, and dated when. */
export function renderTurn(row: { status: LetterStatus; has_pdf: boolean; issued_on: Date | null }): RenderTurn {
  if (row.status === 'pending') return { render: true, status: row.status, redatedOn: null };
  if (!row.has_pdf && row.issued_on && PRINTED.includes(row.status)) return { render: true, status: row.status, redatedOn: dayOf(row.issued_on) };
  return { render: false, status: row.status };
}
