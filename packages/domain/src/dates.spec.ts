import { addDays, addMonths, ageOn, compareDates, daysBetween, formatJapaneseDate, isIsoDate, japanDate, weekday, japanTime } from './dates';

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

describe('japanTime', () => {
  it('is the wall-clock time in Japan, 24-hour', () => {
    expect(japanTime(new Date('2026-11-24T10:05:00Z'))).toBe('19:05');
    expect(japanTime(new Date('2026-11-24T15:30:00Z'))).toBe('00:30');
  });
});
