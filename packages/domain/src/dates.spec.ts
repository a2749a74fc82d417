import fc from 'fast-check';
import {
  addDays,
  addMonths,
  ageOn,
  compareDates,
  daysBetween,
  formatDate,
  formatJapaneseDate,
  formatJapaneseMonth,
  isIsoMonth,
  monthDays,
  isIsoDate,
  japanDate,
  japanDayStart,
  readDate,
  westernYear,
  weekday,
  japanTime,
} from './dates';

describe('isIsoDate', () => {
  it.each(['2026-11-24', '2024-02-29', '2000-02-29', '1950-04-01'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '20261124', '', 'today', null, 20261124])('refuses %p', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-24', '2026-12-24')).toBe(30);
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-11-24', -3)).toBe('2026-08-24');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('compares and knows the weekday', () => {
    expect(compareDates('2026-11-24', '2026-11-25')).toBeLessThan(0);
    expect(compareDates('2026-11-24', '2026-11-24')).toBe(0);
    expect(weekday('2026-11-24')).toBe(2); // Tuesday
  });
});

describe('ageOn (the legal rule)', () => {
  it.each([
    ['2011-11-24', '2026-11-23', 14],
    ['2011-11-24', '2026-11-24', 15],
    ['2011-11-24', '2026-11-25', 15],
    ['1950-04-01', '2026-11-24', 76],
    ['2026-11-24', '2026-11-24', 0],
    // 29 February: a year older from 1 March in common years, from 29 February in leap years.
    ['2012-02-29', '2027-02-28', 14],
    ['2012-02-29', '2027-03-01', 15],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
  ])('born %s is %i on %s', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));
});

describe('formatJapaneseDate', () => {
  it.each([
    ['2026-11-24', '令和8年11月24日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1950-04-01', '昭和25年4月1日'],
  ])('%s is %s', (date, text) => expect(formatJapaneseDate(date)).toBe(text));
});

describe('japanDate', () => {
  it('is the date in Japan, not in UTC', () => {
    expect(japanDate(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
    expect(japanDate(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });
});

describe('japanDayStart', () => {
  it("is midnight in Japan: the day's first instant, which japanDate reads as that day and the instant before as the day before", () => {
    expect(japanDayStart('2026-11-24').toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(japanDate(japanDayStart('2026-11-24'))).toBe('2026-11-24');
    expect(japanDate(new Date(japanDayStart('2026-11-24').getTime() - 1))).toBe('2026-11-23');
    expect(japanDayStart('2027-01-01').toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });
});

describe('japanTime', () => {
  it('is the wall-clock time in Japan, 24-hour', () => {
    expect(japanTime(new Date('2026-11-24T10:05:00Z'))).toBe('19:05');
    expect(japanTime(new Date('2026-11-24T15:30:00Z'))).toBe('00:30');
  });
});

describe('years below 100 are read as they are written', () => {
  it('knows 0002-01-15 is a date of year 2, and counts with it without throwing', () => {
    expect(isIsoDate('0002-01-15')).toBe(true);
    expect(isIsoDate('0002-02-29')).toBe(false);
    expect(addDays('0002-12-31', 1)).toBe('0003-01-01');
    expect(compareDates('0002-01-15', '2026-11-30')).toBeLessThan(0);
  });
});

describe('formatDate', () => {
  it('shows 和暦 in Japanese and the Western date with the era in English', () => {
    expect(formatDate('2026-11-30', 'ja')).toBe('令和8年11月30日');
    expect(formatDate('2026-11-30', 'en')).toBe('30 Nov 2026 (Reiwa 8)');
    expect(formatDate('1906-03-01', 'ja')).toBe('明治39年3月1日');
    expect(westernYear('1948-02-29', 'ja')).toBe('1948年2月29日');
  });
});

describe('readDate: dates as Japan writes them', () => {
  const TODAY = '2026-11-30';
  it.each([
    ['昭和23年2月29日', '1948-02-29'],
    ['S23.2.29', '1948-02-29'],
    ['s23/2/29', '1948-02-29'],
    ['S230229', '1948-02-29'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['1948-02-29', '1948-02-29'],
    ['1948/2/29', '1948-02-29'],
    ['1948年2月29日', '1948-02-29'],
    ['19480229', '1948-02-29'],
    ['１９４８０２２９', '1948-02-29'],
    ['Ｓ２３．２．２９', '1948-02-29'],
    ['明治40年3月1日', '1907-03-01'],
    ['M40.3.1', '1907-03-01'],
    ['大正元年7月30日', '1912-07-30'],
    ['平成31年4月30日', '2019-04-30'],
    [' 1948 - 02 - 29 ', '1948-02-29'],
  ])('reads %s as %s', (typed, date) => expect(readDate(typed, { purpose: 'birth', today: TODAY })).toEqual({ state: 'date', date }));

  it.each([
    '1',
    '19',
    '194',
    '1948',
    '1948-',
    '1948-0',
    '19480',
    '1948022',
    'S',
    'S2',
    'S23',
    'S23.',
    'S23.2',
    'S23.2.',
    '昭',
    '昭和',
    '昭和23',
    '昭和23年',
    '昭和23年2月',
    '令和元',
  ])('%s is not a date yet, and not an error', (typed) => expect(readDate(typed, { purpose: 'birth', today: TODAY })).toEqual({ state: 'incomplete' }));

  it('refuses days that do not exist, with the reason', () => {
    const h31 = readDate('H31.5.1');
    expect(h31).toMatchObject({ state: 'invalid', refusal: { code: 'date_after_era' } });
    expect(h31.state === 'invalid' && h31.refusal.message).toBe('平成は平成31年4月30日までです（令和元年5月1日）。');
    expect(readDate('R1.4.30')).toMatchObject({ state: 'invalid', refusal: { code: 'date_before_era' } });
    expect(readDate('S23.2.30')).toMatchObject({ state: 'invalid', refusal: { code: 'date_not_in_calendar' } });
    expect(readDate('2026-02-29')).toMatchObject({ state: 'invalid', refusal: { code: 'date_not_in_calendar' } });
    expect(readDate('S0.1.1')).toMatchObject({ state: 'invalid', refusal: { code: 'date_not_in_calendar' } });
    expect(readDate('yesterday')).toMatchObject({ state: 'invalid', refusal: { code: 'date_unreadable' } });
  });

  it('reads an era carried past its end on a document (平成33年 is 2021), and nowhere else', () => {
    expect(readDate('平成33年6月1日', { purpose: 'document' })).toEqual({ state: 'date', date: '2021-06-01' });
    expect(readDate('H33.6.1', { purpose: 'birth', today: TODAY })).toMatchObject({ state: 'invalid', refusal: { code: 'date_after_era' } });
    expect(readDate('R1.4.30', { purpose: 'document' })).toMatchObject({ state: 'invalid', refusal: { code: 'date_before_era' } });
  });

  it('refuses a birth date in the future or more than 120 years back, and dates outside the calendar it knows', () => {
    expect(readDate('2026-12-01', { purpose: 'birth', today: TODAY })).toMatchObject({ state: 'invalid', refusal: { code: 'birth_date_in_future' } });
    expect(readDate('1906-11-29', { purpose: 'birth', today: TODAY })).toMatchObject({ state: 'invalid', refusal: { code: 'birth_date_too_old' } });
    expect(readDate('1906-11-30', { purpose: 'birth', today: TODAY })).toEqual({ state: 'date', date: '1906-11-30' });
    expect(readDate('00020115', { purpose: 'document' })).toMatchObject({ state: 'invalid', refusal: { code: 'date_out_of_range' } });
    expect(readDate('0002-01-15')).toMatchObject({ state: 'invalid', refusal: { code: 'date_out_of_range' } });
  });

  it('never throws, whatever is typed, and every prefix of a date being typed is incomplete or a reading', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (typed) => void readDate(typed, { purpose: 'birth', today: TODAY })));
    fc.assert(
      fc.property(fc.integer({ min: 1906, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const typed = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        for (let i = 1; i <= typed.length; i++) expect(['incomplete', 'date', 'invalid']).toContain(readDate(typed.slice(0, i), { purpose: 'document' }).state);
        expect(readDate(typed, { purpose: 'document' })).toEqual({ state: 'date', date: typed });
      }),
    );
  });
});

describe('months', () => {
  it('reads YYYY-MM, and gives its days and its name in the era calendar', () => {
    expect(['2026-11', '2026-12', '2027-01'].every(isIsoMonth)).toBe(true);
    expect(['2026-13', '2026-1', '2026-11-01', 202611].some(isIsoMonth)).toBe(false);
    expect(monthDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30', next: '2026-12-01' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', next: '2028-03-01' });
    expect(monthDays('2026-12').next).toBe('2027-01-01');
    expect(formatJapaneseMonth('2026-11')).toBe('令和8年11月');
    expect(formatJapaneseMonth('2019-05')).toBe('令和元年5月');
  });
});
