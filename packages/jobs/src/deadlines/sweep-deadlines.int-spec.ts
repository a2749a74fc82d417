import { randomBytes } from 'node:crypto';
import { createDatabaseClient, dateColumn } from '@madoguchi/db';
import { addDays, japanDate, type IsoDate } from '@madoguchi/domain';
import type { JobContext } from '../job';
import { dailyTestCity, testJobContext } from '../testing';
import { sweepDeadlines } from './sweep-deadlines';

/**
 * The daily deadline sweep on the real database: a mailed case past its deadline and the grace days
 * lapses, by the system; one inside them, one whose reissue is on its way and one whose letter came
 * back are left for people; a second run of the day does nothing; a day missed is caught up.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const base = testJobContext(db, randomBytes(32).toString('base64'));
const on = (today: IsoDate): JobContext => ({ ...base, clock: { now: () => new Date(), today: () => today } });
const TODAY = japanDate(new Date());

const city = (code: string) => dailyTestCity(db, code);

const stateOf = async (id: string) => (await db.pinResetCase.findUniqueOrThrow({ where: { id } })).state;

afterAll(() => db.$disconnect());

describe('the deadline sweep', () => {
  it('lapses a case past its deadline and grace days, by the system, and leaves the others to people', async () => {
    const here = await city('980501');
    const elsewhere = await city('980502');
    const lapsing = await here.mailedCase(addDays(TODAY, -15));
    const inGrace = await here.mailedCase(addDays(TODAY, -14));
    const reissueOnItsWay = await here.mailedCase(addDays(TODAY, -40), { reissuePending: true });
    const cameBack = await here.mailedCase(addDays(TODAY, -40), { returned: true });
    const otherCity = await elsewhere.mailedCase(addDays(TODAY, -40));

    expect(await sweepDeadlines.run(on(TODAY), { municipalityId: here.municipalityId })).toBe('done');
    expect(await stateOf(lapsing)).toBe('cancelled');
    for (const id of [inGrace, reissueOnItsWay, cameBack, otherCity]) expect(await stateOf(id)).toBe('inquiry_mailed');

    const history = await db.caseHistory.findMany({ where: { caseId: lapsing } });
    expect(history).toEqual([
      expect.objectContaining({
        fromState: 'inquiry_mailed',
        toState: 'cancelled',
        actorId: null,
        reason: 'reply_overdue',
        details: { replyDeadline: addDays(TODAY, -15), graceDays: 14 },
      }),
    ]);
    const run = await db.dailyRun.findUniqueOrThrow({
      where: { job_municipalityId_day: { job: sweepDeadlines.name, municipalityId: here.municipalityId, day: dateColumn(TODAY) } },
    });
    expect(run.done).toBe(1);
    expect(run.finishedAt).not.toBeNull();
  });

  it('run twice on one day, does its work once', async () => {
    const here = await city('980503');
    const first = await here.mailedCase(addDays(TODAY, -20));
    expect(await sweepDeadlines.run(on(TODAY), { municipalityId: here.municipalityId })).toBe('done');
    // Due since, but the day's sweep is done: the second run of the day leaves it for tomorrow's.
    const second = await here.mailedCase(addDays(TODAY, -20));
    expect(await sweepDeadlines.run(on(TODAY), { municipalityId: here.municipalityId })).toBe('skipped');
    expect(await stateOf(first)).toBe('cancelled');
    expect(await stateOf(second)).toBe('inquiry_mailed');
    expect(await db.caseHistory.count({ where: { caseId: first } })).toBe(1);
    // Two runs at once: each case lapses once.
    const tomorrow = addDays(TODAY, 1);
    const outcomes = await Promise.all([1, 2].map(() => sweepDeadlines.run(on(tomorrow), { municipalityId: here.municipalityId })));
    expect(outcomes).toContain('done');
    expect(await stateOf(second)).toBe('cancelled');
    expect(await db.caseHistory.count({ where: { caseId: second } })).toBe(1);
  });

  it('a day missed (no run recorded) is caught up by the next: what lapsed meanwhile lapses then', async () => {
    const here = await city('980504');
    // Due to lapse three days ago; no sweep ran since.
    const missed = await here.mailedCase(addDays(TODAY, -18));
    expect(await db.dailyRun.count({ where: { municipalityId: here.municipalityId } })).toBe(0);
    expect(await sweepDeadlines.run(on(TODAY), { municipalityId: here.municipalityId })).toBe('done');
    expect(await stateOf(missed)).toBe('cancelled');
  });

  it('a reply recorded meanwhile wins: a case that moved on is not lapsed', async () => {
    const here = await city('980505');
    const replied = await here.mailedCase(addDays(TODAY, -20));
    await db.pinResetCase.update({ where: { id: replied }, data: { state: 'reply_returned', version: { increment: 1 } } });
    expect(await sweepDeadlines.run(on(TODAY), { municipalityId: here.municipalityId })).toBe('done');
    expect(await stateOf(replied)).toBe('reply_returned');
  });
});
