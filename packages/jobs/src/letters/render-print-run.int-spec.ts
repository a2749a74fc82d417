import { createHash, randomBytes } from 'node:crypto';
import { createDatabaseClient, dateColumn, dayOf, type Database } from '@madoguchi/db';
import { DEFAULT_POLICY, replyDeadline } from '@madoguchi/domain';
import { PAGES_PER_LETTER } from '@madoguchi/letters';
import { killAll, openCounter, type Counter } from '@madoguchi/devstack/testing';
import type { JobContext } from '../job';
import { testJobContext } from '../testing';
import { renderInquiryLetter } from './render-inquiry-letter';
import { renderPrintRun } from './render-print-run';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const base = testJobContext(db, randomBytes(32).toString('base64'));
/** The job context on a given day. */
const on = (today: string): JobContext => ({ ...base, clock: { now: () => new Date(), today: () => today } });
let counter: Counter;
const createAgentCases = (count: number) => counter.registerMany(count);

beforeAll(async () => {
  counter = await openCounter(db);
}, 60000);
afterAll(async () => {
  await killAll();
  await db.$disconnect();
});

/** A print run of the letters, in the given order, as the API makes one. */
async function printRunOf(database: Database, letterIds: string[], printedOn: string, status: 'rendering' | 'cancelled' = 'rendering') {
  const staff = await database.staffUser.findFirstOrThrow({ where: { username: 'print_staff' } });
  const run = await database.printRun.create({
    data: { officeId: staff.officeId, createdById: staff.id, letterCount: letterIds.length, printedOn: dateColumn(printedOn), status },
  });
  for (const [position, id] of letterIds.entries()) {
    await database.inquiryLetter.update({ where: { id }, data: { status: 'printed', printRunId: run.id, printRunPosition: position } });
  }
  return run.id;
}

function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g)?.length ?? 0
  );
}

describe('the render-print-run job', () => {
  it('merges the letters of a run into one PDF, re-dating the letters rendered on an earlier day', async () => {
    const cases = await createAgentCases(3);
    for (const { letterId } of cases.slice(0, 2)) await renderInquiryLetter.run(on('2026-11-20'), { letterId });
    await renderInquiryLetter.run(on('2026-11-25'), { letterId: cases[2]!.letterId });
    const before = await db.inquiryLetter.findUniqueOrThrow({ where: { id: cases[2]!.letterId } });

    const runId = await printRunOf(db, cases.map((c) => c.letterId).reverse(), '2026-11-25');
    const lastOutbox = (await db.outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    expect(await renderPrintRun.run(base, { printRunId: runId })).toBe('done');

    const run = await db.printRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe('ready');
    expect(run.pdfSha256).toBe(createHash('sha256').update(run.pdf!).digest('hex'));
    expect(pageCount(run.pdf!)).toBe(3 * PAGES_PER_LETTER);

    const letters = await db.inquiryLetter.findMany({ where: { printRunId: runId } });
    for (const letter of letters) {
      expect(letter.status).toBe('printed');
      expect(dayOf(letter.issuedOn!)).toBe('2026-11-25');
      expect(dayOf(letter.replyDeadline!)).toBe(replyDeadline('2026-11-25', DEFAULT_POLICY));
    }
    // The letter already dated the run's day is kept as it was.
    const kept = letters.find((l) => l.id === cases[2]!.letterId)!;
    expect(kept.renderedAt).toEqual(before.renderedAt);
    expect(kept.pdfSha256).toBe(before.pdfSha256);
    // The two dated earlier lost their old PDF, and the worker has a job to print them again as the run did.
    const redated = cases.slice(0, 2).map((c) => c.letterId);
    expect(letters.filter((l) => redated.includes(l.id)).map((l) => l.pdf)).toEqual([null, null]);
    const jobs = await db.outboxMessage.findMany({ where: { id: { gt: lastOutbox } } });
    expect(jobs.map((j) => j.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      redated.map((letterId) => ({ letterId })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );

    for (const letterId of redated) expect(await renderInquiryLetter.run(on('2026-11-25'), { letterId })).toBe('done');
    for (const letterId of redated) {
      const letter = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
      expect({ status: letter.status, issuedOn: dayOf(letter.issuedOn!), hasPdf: letter.pdf !== null }).toEqual({
        status: 'printed',
        issuedOn: '2026-11-25',
        hasPdf: true,
      });
    }
    // Done once: a second job finds the PDF there.
    expect(await renderInquiryLetter.run(on('2026-11-20'), { letterId: redated[0]! })).toBe('skipped');
  });

  it('does nothing for a cancelled run, or a run already rendered', async () => {
    const cases = await createAgentCases(1);
    const cancelled = await printRunOf(db, [cases[0]!.letterId], '2026-11-25', 'cancelled');
    expect(await renderPrintRun.run(base, { printRunId: cancelled })).toBe('skipped');
    expect((await db.printRun.findUniqueOrThrow({ where: { id: cancelled } })).pdf).toBeNull();

    const [other] = await createAgentCases(1);
    const runId = await printRunOf(db, [other!.letterId], '2026-11-25');
    expect(await renderPrintRun.run(base, { printRunId: runId })).toBe('done');
    expect(await renderPrintRun.run(base, { printRunId: runId })).toBe('skipped');
  });
});
