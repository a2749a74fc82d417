import { randomBytes } from 'node:crypto';
import { dateColumn } from '@madoguchi/db';
import { generateInquiryNumber, type CaseState, type Pin, type Route } from '@madoguchi/domain';
import type { MonthlyReport } from '@madoguchi/contract';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { useTestCity } from '../testing/test-city';

/**
 * 月報 (the reports issue) on cases this test makes, in October 2026 and around it: a case
 * registered at 00:30 on 1 October in Japan (still 30 September in UTC) counts in October, one at
 * 23:30 on 30 September does not; completed, cancelled, lapsed, returned and reissued cases; and a
 * second municipality's case that never counts.
 */
const t = useTestCity('990771');
const jst = (dayTime: string) => new Date(`${dayTime}+09:00`);

interface Made {
  route: Route;
  at: string;
  pins?: Pin[];
  moves?: [CaseState, string, { reason?: 'reply_overdue' | 'withdrawn'; system?: boolean }?][];
  letters?: { mailedOn: string; deadline: string; returnedAt?: string; reissueAt?: string }[];
}

/** A case as the counter would have left it, with its history and letters at the given Japan times. */
async function made(city: TestMunicipality, c: Made): Promise<string> {
  const clerk = await t.db.staffUser.findFirstOrThrow({ where: { officeId: city.officeId, role: 'clerk' } });
  const policy = await t.db.policyVersion.findFirstOrThrow({ where: { municipalityId: city.municipalityId } });
  const states = ['received', ...(c.moves ?? []).map((m) => m[0])];
  const row = await t.db.pinResetCase.create({
    data: {
      receiptNumber: `R-${randomBytes(6).toString('hex')}`,
      officeId: city.officeId,
      route: c.route,
      reason: 'forgotten',
      pins: c.pins ?? ['user_auth'],
      state: states.at(-1) as CaseState,
      policyVersionId: policy.id,
      createdById: clerk.id,
      createdAt: jst(c.at),
    },
  });
  await t.db.caseHistory.create({ data: { caseId: row.id, fromState: null, toState: 'received', actorId: clerk.id, at: jst(c.at) } });
  for (const [i, [to, at, extra]] of (c.moves ?? []).entries()) {
    await t.db.caseHistory.create({
      data: {
        caseId: row.id,
        fromState: states[i] as CaseState,
        toState: to,
        actorId: extra?.system ? null : clerk.id,
        reason: extra?.reason ?? null,
        at: jst(at),
      },
    });
  }
  for (const l of c.letters ?? []) {
    const letter = await t.db.inquiryLetter.create({
      data: {
        caseId: row.id,
        inquiryNumber: generateInquiryNumber(randomBytes),
        status: l.reissueAt ? 'superseded' : 'mailed',
        mailedOn: dateColumn(l.mailedOn),
        replyDeadline: dateColumn(l.deadline),
        ...(l.returnedAt ? { returnedAt: jst(l.returnedAt), returnedReason: 'moved_no_forwarding' as const } : {}),
      },
    });
    if (l.reissueAt) {
      await t.db.inquiryLetter.create({
        data: {
          caseId: row.id,
          inquiryNumber: generateInquiryNumber(randomBytes),
          reissueOfId: letter.id,
          reissueReason: 'returned',
          createdAt: jst(l.reissueAt),
        },
      });
    }
  }
  return row.id;
}

describe('GET /api/reports/monthly', () => {
  it('counts the month in Japan time: received, completed, cancelled, the agent route, the series; another city never counts', async () => {
    const city = t.city;
    // A: registered just after midnight on 1 October (Japan), mailed, replied, completed in 11 days.
    await made(city, {
      route: 'voluntary_agent',
      at: '2026-10-01T00:30:00',
      pins: ['user_auth', 'resident_registry'],
      moves: [
        ['inquiry_mailed', '2026-10-03T10:00:00'],
        ['reply_returned', '2026-10-10T10:00:00'],
        ['completed', '2026-10-12T10:00:00'],
      ],
      letters: [{ mailedOn: '2026-10-03', deadline: '2026-11-02' }],
    });
    // B: registered on 30 September (Japan), completed on 5 October: completed in October, not received.
    await made(city, {
      route: 'voluntary_agent',
      at: '2026-09-30T23:30:00',
      moves: [
        ['inquiry_mailed', '2026-10-01T09:00:00'],
        ['reply_returned', '2026-10-03T10:00:00'],
        ['completed', '2026-10-05T10:00:00'],
      ],
      letters: [{ mailedOn: '2026-10-01', deadline: '2026-10-31' }],
    });
    // C: a self case at the last minute of October.
    await made(city, { route: 'self', at: '2026-10-31T23:59:00', moves: [['completed', '2026-10-31T23:59:30']] });
    // D: mailed, its deadline passed on 20 October, no reply by the month's end (it lapses in November).
    await made(city, {
      route: 'voluntary_agent',
      at: '2026-10-02T10:00:00',
      moves: [
        ['inquiry_mailed', '2026-10-05T10:00:00'],
        ['cancelled', '2026-11-04T06:00:00', { reason: 'reply_overdue', system: true }],
      ],
      letters: [{ mailedOn: '2026-10-05', deadline: '2026-10-20' }],
    });
    // E: registered in September, lapsed by the system in October.
    await made(city, {
      route: 'voluntary_agent',
      at: '2026-09-01T10:00:00',
      moves: [
        ['inquiry_mailed', '2026-09-05T10:00:00'],
        ['cancelled', '2026-10-20T06:00:00', { reason: 'reply_overdue', system: true }],
      ],
      letters: [{ mailedOn: '2026-09-05', deadline: '2026-10-05' }],
    });
    // F: its letter came back and was reissued; then the agent withdrew.
    await made(city, {
      route: 'voluntary_agent',
      at: '2026-10-06T10:00:00',
      moves: [
        ['inquiry_mailed', '2026-10-08T10:00:00'],
        ['cancelled', '2026-10-20T10:00:00', { reason: 'withdrawn' }],
      ],
      letters: [{ mailedOn: '2026-10-08', deadline: '2026-11-07', returnedAt: '2026-10-15T10:00:00', reissueAt: '2026-10-16T10:00:00' }],
    });
    // G: midnight on 1 November belongs to November.
    await made(city, { route: 'self', at: '2026-11-01T00:00:00' });
    // Another municipality's October case.
    const other = await testMunicipality(t.app, t.db, '990772');
    await made(other, { route: 'self', at: '2026-10-10T10:00:00', moves: [['completed', '2026-10-10T11:00:00']] });

    const report = (await t.as('supervisor').get('/api/reports/monthly').query({ month: '2026-10' }).expect(200)).body as MonthlyReport;
    expect(report.received).toMatchObject({
      total: 4,
      byRoute: { self: 1, legal_representative: 0, voluntary_agent: 3 },
      byPin: { signature: 0, user_auth: 4, resident_registry: 1, card_info: 0 },
      byReason: { forgotten: 4, locked: 0, face_auth_switch: 0 },
    });
    expect(report.received.byOffice).toEqual([expect.objectContaining({ officeId: city.officeId, count: 4 })]);
    expect(report.completed).toEqual({
      total: 3,
      byRoute: { self: 1, legal_representative: 0, voluntary_agent: 2 },
      byOffice: [expect.objectContaining({ officeId: city.officeId, count: 3 })],
    });
    expect(report.cancelled).toEqual({
      total: 2,
      byRoute: { self: 0, legal_representative: 0, voluntary_agent: 2 },
      byOffice: [expect.objectContaining({ officeId: city.officeId, count: 2 })],
    });
    expect(report.agent).toEqual({
      lettersMailed: 4,
      repliesReturned: 2,
      completed: 2,
      averageDaysToCompletion: 8,
      p90DaysToCompletion: 10.4,
      overdueAtMonthEnd: 1,
      lapsed: 1,
      returnedUndelivered: 1,
      reissues: 1,
    });
    expect(report.perDay).toHaveLength(31);
    expect(report.perDay.filter((d) => d.self + d.voluntary_agent + d.legal_representative > 0)).toEqual([
      { day: '2026-10-01', self: 0, legal_representative: 0, voluntary_agent: 1 },
      { day: '2026-10-02', self: 0, legal_representative: 0, voluntary_agent: 1 },
      { day: '2026-10-06', self: 0, legal_representative: 0, voluntary_agent: 1 },
      { day: '2026-10-31', self: 1, legal_representative: 0, voluntary_agent: 0 },
    ]);
    expect(report.daysToCompletion).toEqual([
      { days: 5, count: 1 },
      { days: 11, count: 1 },
    ]);

    // Each view is in the audit log; a clerk may not read it; a month that is not one is refused.
    expect(await t.db.auditEvent.count({ where: { municipalityId: city.municipalityId, action: 'report_viewed' } })).toBe(1);
    await t.as('clerk').get('/api/reports/monthly').query({ month: '2026-10' }).expect(403);
    expect((await t.as('admin').get('/api/reports/monthly').query({ month: '2026-13' }).expect(400)).body.details[0].code).toBe('month_malformed');
    // The other city sees its own one case, and this city's office is not its to ask for.
    const theirs = (await asStaff(t.app, other.tokens.supervisor).get('/api/reports/monthly').query({ month: '2026-10' }).expect(200)).body as MonthlyReport;
    expect(theirs.received.total).toBe(1);
    await asStaff(t.app, other.tokens.supervisor).get('/api/reports/monthly').query({ month: '2026-10', officeId: city.officeId }).expect(404);
  });
});
