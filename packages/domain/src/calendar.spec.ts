import {
  addOfficeDays,
  checkArrival,
  describeOfficeHours,
  DEFAULT_OFFICE_HOURS,
  isOfficeDay,
  isOverdue,
  isYearEndClosure,
  nationalHolidayName,
  nextOfficeDay,
  officeHoursRefusals,
  openingTimesOn,
  replyDeadline,
  type OfficeHours,
} from './calendar';
import { DEFAULT_POLICY } from './policy';

describe('closed days', () => {
  it.each([
    ['2026-11-23', '勤労感謝の日'],
    ['2026-09-22', '休日'], // a citizens' holiday between two holidays
    ['2026-05-06', 'こどもの日 振替休日'],
    ['2027-01-11', '成人の日'],
  ])('%s is a national holiday (%s)', (date, name) => expect(nationalHolidayName(date)).toBe(name));

  it('ordinary days are not holidays', () => expect(nationalHolidayName('2026-11-24')).toBeUndefined());

  it.each([
    ['2026-12-28', false],
    ['2026-12-29', true],
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-01-03', true],
    ['2027-01-04', false],
  ])('year-end closure on %s: %s', (date, closed) => expect(isYearEndClosure(date)).toBe(closed));

  it('office days skip weekends, holidays and the year-end closure', () => {
    expect(isOfficeDay('2026-11-24')).toBe(true); // Tuesday
    expect(isOfficeDay('2026-11-28')).toBe(false); // Saturday
    expect(isOfficeDay('2026-11-23')).toBe(false); // holiday (Monday)
    expect(nextOfficeDay('2026-12-26')).toBe('2026-12-28'); // Sat → Monday, the last day before the closure
    expect(nextOfficeDay('2026-12-29')).toBe('2027-01-04'); // over the closure
    expect(addOfficeDays('2026-11-20', 1)).toBe('2026-11-24'); // Fri → skip Sat, Sun, the Monday holiday
    expect(addOfficeDays('2026-11-24', -1)).toBe('2026-11-20');
    expect(addOfficeDays('2026-11-24', 0)).toBe('2026-11-24');
  });
});

describe('reply deadline', () => {
  it('is the policy’s days after mailing', () => {
    expect(replyDeadline('2026-11-24', DEFAULT_POLICY)).toBe('2026-12-24');
    expect(replyDeadline('2026-11-24', { replyDeadlineDays: 14 })).toBe('2026-12-08');
  });

  it('moves off a closed day to the next office day', () => {
    expect(replyDeadline('2026-12-01', DEFAULT_POLICY)).toBe('2027-01-04'); // 31 Dec → after the closure
    expect(replyDeadline('2026-10-24', DEFAULT_POLICY)).toBe('2026-11-24'); // 23 Nov holiday → Tuesday
  });

  it('is overdue from the day after', () => {
    expect(isOverdue('2026-12-24', '2026-12-24')).toBe(false);
    expect(isOverdue('2026-12-24', '2026-12-25')).toBe(true);
  });
});

describe('office hours and late arrivals', () => {
  it('knows the late counter and closes on holidays whatever the week says', () => {
    expect(openingTimesOn(DEFAULT_OFFICE_HOURS, '2026-11-25')).toEqual({ opens: '08:30', closes: '19:00' }); // Wednesday
    expect(openingTimesOn(DEFAULT_OFFICE_HOURS, '2026-11-23')).toBeUndefined();
    expect(openingTimesOn({ ...DEFAULT_OFFICE_HOURS, specialOpenings: [{ date: '2026-11-29', opens: '09:00', closes: '12:00' }] }, '2026-11-29')).toEqual({
      opens: '09:00',
      closes: '12:00',
    });
  });

  it.each([
    ['2026-11-24', '10:00', true, undefined],
    ['2026-11-24', '08:00', false, 'office_not_open_yet'],
    ['2026-11-24', '16:40', true, 'may_not_finish_today'],
    ['2026-11-24', '17:00', false, 'office_closed_now'],
    ['2026-11-25', '18:20', true, undefined],
    ['2026-11-25', '18:40', true, 'may_not_finish_today'],
    ['2026-11-23', '10:00', false, 'office_closed_holiday'],
    ['2026-12-30', '10:00', false, 'office_closed_year_end'],
  ])('on %s at %s: open %s, %s', (date, time, open, code) => {
    const result = checkArrival(DEFAULT_OFFICE_HOURS, date, time, DEFAULT_POLICY);
    expect(result.open).toBe(open);
    expect(result.problem?.code).toBe(code);
  });

  it('stops at the national system’s cut-off even when the counter stays open later', () => {
    const hours = { weekly: { '3': { opens: '08:30', closes: '19:30' } } };
    expect(checkArrival(hours, '2026-11-25', '18:45', DEFAULT_POLICY).problem?.code).toBe('may_not_finish_today');
    expect(checkArrival(hours, '2026-11-23', '10:00', DEFAULT_POLICY).problem?.message).toBe('本日は勤労感謝の日のため窓口は閉庁しています。');
  });

  it('validates hours', () => {
    expect(officeHoursRefusals(DEFAULT_OFFICE_HOURS)).toEqual([]);
    expect(officeHoursRefusals({ weekly: { '1': { opens: '17:00', closes: '08:30' } } }).map((p) => p.code)).toEqual(['hours_closes_before_opens']);
    expect(officeHoursRefusals({ weekly: { '1': { opens: '8:30', closes: '17:00' } } }).map((p) => p.code)).toEqual(['hours_invalid_time']);
  });
});

describe('lunch closures, exception days and national closures (003, J-LIS)', () => {
  // Kasugai's Sunday counter: 8:30–17:00 except noon to one, and not on the third Sunday (003).
  const kasugai: OfficeHours = {
    weekly: { ...DEFAULT_OFFICE_HOURS.weekly, '0': { opens: '08:30', closes: '17:00', lunch: { from: '12:00', to: '13:00' } } },
    closedNthWeekdays: [{ weekday: 0, nth: 3 }],
    closedDates: ['2027-03-01'],
  };

  it('closes the counter over lunch, and warns an arrival who would run into it', () => {
    expect(checkArrival(kasugai, '2027-02-07', '12:30', DEFAULT_POLICY)).toEqual({
      open: false,
      problem: expect.objectContaining({ code: 'office_lunch_closure', message: '12:00から13:00までは窓口の受付を休止しています。' }),
    });
    expect(checkArrival(kasugai, '2027-02-07', '11:45', DEFAULT_POLICY)).toEqual({
      open: true,
      problem: expect.objectContaining({ code: 'may_not_finish_before_lunch' }),
    });
    expect(checkArrival(kasugai, '2027-02-07', '11:00', DEFAULT_POLICY)).toEqual({ open: true });
    expect(checkArrival(kasugai, '2027-02-07', '13:00', DEFAULT_POLICY)).toEqual({ open: true });
  });

  it('is closed on the third Sunday of the month and on the dates it names', () => {
    expect(['2027-02-07', '2027-02-14', '2027-02-21', '2027-02-28'].map((d) => openingTimesOn(kasugai, d)?.opens)).toEqual([
      '08:30',
      '08:30',
      undefined,
      '08:30',
    ]);
    expect(openingTimesOn(kasugai, '2027-03-01')).toBeUndefined();
    expect(openingTimesOn(kasugai, '2027-03-02')?.opens).toBe('08:30');
    expect(checkArrival(kasugai, '2027-02-21', '10:00', DEFAULT_POLICY).problem?.code).toBe('office_closed_today');
  });

  it('warns on a closure of the national system announced by its operator, whole-day or for some hours', () => {
    const policy = { ...DEFAULT_POLICY, nationalSystemClosures: [{ date: '2027-02-08' }, { date: '2027-02-09', from: '15:00', to: '16:00' }] };
    expect(checkArrival(DEFAULT_OFFICE_HOURS, '2027-02-08', '09:00', policy)).toEqual({
      open: true,
      problem: expect.objectContaining({
        code: 'national_system_closure',
        message: '国のシステムが00:00から24:00まで停止すると案内されています。その間は暗証番号の再設定ができません。',
      }),
    });
    expect(checkArrival(DEFAULT_OFFICE_HOURS, '2027-02-09', '14:45', policy).problem?.code).toBe('national_system_closure');
    expect(checkArrival(DEFAULT_OFFICE_HOURS, '2027-02-09', '14:00', policy)).toEqual({ open: true });
    expect(checkArrival(DEFAULT_OFFICE_HOURS, '2027-02-09', '16:00', policy)).toEqual({ open: true });
  });

  it('refuses a lunch outside the day, and an impossible week of the month', () => {
    const bad: OfficeHours = {
      weekly: { '1': { opens: '09:00', closes: '17:00', lunch: { from: '08:00', to: '13:00' } } },
      closedNthWeekdays: [
        { weekday: 7, nth: 3 },
        { weekday: 0, nth: 6 },
      ],
      closedDates: ['2027-02-30'],
    };
    expect(officeHoursRefusals(bad).map((p) => `${p.path}:${p.code}`)).toEqual([
      'weekly.1.lunch:hours_lunch_outside',
      'closedNthWeekdays.0:hours_invalid_nth_weekday',
      'closedNthWeekdays.1:hours_invalid_nth_weekday',
      'closedDates.0:date_malformed',
    ]);
    expect(officeHoursRefusals(kasugai)).toEqual([]);
  });
});

describe('describeOfficeHours', () => {
  it('names the days with the same times together, with the lunch pause and the monthly closures', () => {
    expect(describeOfficeHours(DEFAULT_OFFICE_HOURS)).toBe('月・火・木・金 8:30〜17:00／水 8:30〜19:00（祝日・年末年始を除く）');
    const kasugai: OfficeHours = {
      weekly: { '1': { opens: '08:30', closes: '17:00' }, '0': { opens: '08:30', closes: '17:00', lunch: { from: '12:00', to: '13:00' } } },
      closedNthWeekdays: [{ weekday: 0, nth: 3 }],
    };
    expect(describeOfficeHours(kasugai)).toBe('月 8:30〜17:00／日 8:30〜17:00（12:00〜13:00を除く）（祝日・年末年始を除く。第3日曜日は休み）');
  });
});
