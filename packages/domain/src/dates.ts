/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) in Japan's local calendar. The domain never reads
 * the clock: "today" is always an argument.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The same day `months` later; the month's last day when that day does not exist (民法143条). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/**
 * Age on `on`, by Japan's legal rule (年齢計算ニ関スル法律 with 民法143条): a year of age is
 * completed at the end of the day before the birthday, so a person is N from their Nth birthday;
 * someone born on 29 February completes the year at the end of 28 February in common years, so
 * is N from 1 March. Before the birth date the age is negative.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let age = y - by;
  const birthdayNotYetReached = m < bm || (m === bm && d < bd);
  if (birthdayNotYetReached) age -= 1;
  return age;
}

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Japan at `instant` (the caller supplies the instant; the domain reads no clock). */
export function japanDate(instant: Date): IsoDate {
  return JAPAN_DATE.format(instant);
}

const JAPAN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The time of day in Japan at `instant`, as HH:MM (the counters' hours are in Japan time). */
export function japanTime(instant: Date): string {
  return JAPAN_TIME.format(instant);
}

const ERA_START: [string, IsoDate][] = [
  ['令和', '2019-05-01'],
  ['平成', '1989-01-08'],
  ['昭和', '1926-12-25'],
  ['大正', '1912-07-30'],
];

/** `令和8年11月24日` — letters and screens show the era calendar (元年 for the first year). */
export function formatJapaneseDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  for (const [era, start] of ERA_START) {
    if (compareDates(date, start) >= 0) {
      const year = y - Number(start.slice(0, 4)) + 1;
      return `${era}${year === 1 ? '元' : year}年${m}月${d}日`;
    }
  }
  return `${y}年${m}月${d}日`;
}
