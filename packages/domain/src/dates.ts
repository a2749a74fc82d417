import { refusal, type Refusal } from './refusals';
import type { Locale, Text } from './text';

/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) in Japan's local calendar. The domain never reads
 * the clock: "today" is always an argument. No function here throws on a date a person can type:
 * text goes through `readDate` first, and only a real date comes out of it.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of a UTC midnight; years below 100 are years below 100 (Date.UTC would read 2 as 1902). */
function utcMs(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(utcMs(y, mo, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return utcMs(y, m, d);
}

function fromUtcMs(ms: number): IsoDate {
  const t = new Date(ms);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The same day `months` later; the month's last day when that day does not exist (民法143条). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const first = new Date(utcMs(y, m + months, 1));
  const [ty, tm] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  const lastDay = new Date(utcMs(ty, tm + 1, 0)).getUTCDate();
  return fromUtcMs(utcMs(ty, tm, Math.min(d, lastDay)));
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

/**
 * The instant `date` begins in Japan (midnight, Japan time): the lower bound of a day's or a month's
 * rows, where the next day's start is the upper. Japan keeps no summer time, so it is 15:00 UTC the day before.
 */
export function japanDayStart(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** The calendar date in Japan at `instant` (the caller supplies the instant; the domain reads no clock). */
export function japanDate(instant: Date): IsoDate {
  return JAPAN_DATE.format(instant);
}

const JAPAN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The time of day in Japan at `instant`, as HH:MM (the counters' hours are in Japan time). */
export function japanTime(instant: Date): string {
  return JAPAN_TIME.format(instant);
}

/** 元号: the eras a living person's dates fall in, newest first, with their first and last days. */
export interface Era {
  name: string;
  /** The romanized name, for English screens. */
  en: string;
  /** The letter Japanese forms use for it (S23.2.29). */
  letter: string;
  start: IsoDate;
  end: IsoDate | null;
}

export const ERAS: readonly Era[] = [
  { name: '令和', en: 'Reiwa', letter: 'R', start: '2019-05-01', end: null },
  { name: '平成', en: 'Heisei', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '昭和', en: 'Showa', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '大正', en: 'Taisho', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  // 明治元年 is counted from the first day of 1868 in the old calendar (25 January 1868).
  { name: '明治', en: 'Meiji', letter: 'M', start: '1868-01-25', end: '1912-07-29' },
];

/** The earliest and latest dates any date field takes: the era calendar's reach, and far enough ahead for any card. */
export const FIRST_READABLE_DATE: IsoDate = ERAS.at(-1)!.start;
export const LAST_READABLE_DATE: IsoDate = '2199-12-31';

function eraOf(date: IsoDate): Era | undefined {
  return ERAS.find((e) => compareDates(date, e.start) >= 0);
}

/** `令和8年11月24日` — letters and screens show the era calendar (元年 for the first year). */
export function formatJapaneseDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  const era = eraOf(date);
  if (!era) return `${y}年${m}月${d}日`;
  const year = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as a screen in `locale` shows it: 令和8年11月24日 (2026年), or 24 Nov 2026 (Reiwa 8) in English. */
export function formatDate(date: IsoDate, locale: Locale | string | undefined): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = parts(date);
  const era = eraOf(date);
  if (locale === 'en') {
    const eraYear = era ? ` (${era.en} ${y - Number(era.start.slice(0, 4)) + 1})` : '';
    return `${d} ${EN_MONTHS[m - 1]} ${y}${eraYear}`;
  }
  return formatJapaneseDate(date);
}

/** The Western year of a date, as shown beside its era form (on hover, or in brackets). */
export function westernYear(date: IsoDate, locale: Locale | string | undefined): string {
  const [y, m, d] = parts(date);
  return locale === 'en' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}

/** What a date field holds as it is being typed. */
export type DateReading =
  | { state: 'empty' }
  /** Could still become a date with more typing: not an error yet. */
  | { state: 'incomplete' }
  | { state: 'date'; date: IsoDate }
  | { state: 'invalid'; refusal: Refusal };

export interface DateReadingOptions {
  /**
   * `birth`: not in the future, not more than 120 years back. `document`: a card may print an era
   * year past the era's end (平成33年 on a licence issued before May 2019 is 2021); other dates are
   * read strictly (H31.5.1 and R1.4.30 do not exist).
   */
  purpose?: 'birth' | 'document' | 'plain';
  /** Today, for a birth date's bounds. */
  today?: IsoDate;
}

/** The oldest a living holder is taken to be. */
export const MAX_AGE_YEARS = 120;

const ERA_NAMES = ERAS.map((e) => e.name).join('|');
const ERA_LETTERS = ERAS.map((e) => e.letter).join('');
const SEP = '[./\\-]';
const ERA_FORM = new RegExp(`^(${ERA_NAMES}|[${ERA_LETTERS}])(元|\\d{1,2})(?:年|${SEP})(\\d{1,2})(?:月|${SEP})(\\d{1,2})日?$`);
const ERA_COMPACT = new RegExp(`^([${ERA_LETTERS}])(\\d{2})(\\d{2})(\\d{2})$`);
const WESTERN_FORM = new RegExp(`^(\\d{4})(?:年|${SEP})(\\d{1,2})(?:月|${SEP})(\\d{1,2})日?$`);
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Characters a date being typed may hold (era names in part, era letters, digits, separators). */
const DATE_CHARACTERS = new RegExp(`^[0-9${ERA_LETTERS}明治大正昭和平成令元年月日./\\-]*$`);

const pad2 = (n: number) => String(n).padStart(2, '0');

function calendarDate(y: number, m: number, d: number): IsoDate | undefined {
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

const eraText = (era: Era): Text => ({ ja: era.name, en: era.en });
const dateText = (date: IsoDate): Text => ({ ja: formatDate(date, 'ja'), en: formatDate(date, 'en') });

function readEraDate(eraKey: string, yearText: string, m: number, d: number, source: string, overflowAllowed: boolean): DateReading {
  const era = ERAS.find((e) => e.name === eraKey || e.letter === eraKey)!;
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  const notInCalendar: DateReading = { state: 'invalid', refusal: refusal('date_not_in_calendar', { text: source }) };
  if (eraYear < 1) return notInCalendar;
  const date = calendarDate(Number(era.start.slice(0, 4)) + eraYear - 1, m, d);
  if (!date) return notInCalendar;
  if (compareDates(date, era.start) < 0) {
    return { state: 'invalid', refusal: refusal('date_before_era', { era: eraText(era), start: dateText(era.start) }) };
  }
  if (era.end && compareDates(date, era.end) > 0 && !overflowAllowed) {
    return { state: 'invalid', refusal: refusal('date_after_era', { era: eraText(era), end: dateText(era.end), next: dateText(date) }) };
  }
  return { state: 'date', date };
}

function readForm(text: string, overflowAllowed: boolean): DateReading | undefined {
  let m = ERA_FORM.exec(text) ?? ERA_COMPACT.exec(text);
  if (m) return readEraDate(m[1]!, m[2]!, Number(m[3]), Number(m[4]), text, overflowAllowed);
  m = WESTERN_FORM.exec(text) ?? WESTERN_COMPACT.exec(text);
  if (m) {
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { state: 'date', date } : { state: 'invalid', refusal: refusal('date_not_in_calendar', { text }) };
  }
  return undefined;
}

/**
 * A date as people at the counter write it: 昭和23年2月29日, S23.2.29, s23/2/29, S230229,
 * 令和元年5月1日, 1948-02-29, 1948/2/29, 1948年2月29日, 19480229, in full-width digits too, from
 * 明治 to 令和. Text that could still become a date is `incomplete`, never an error; a date that
 * cannot exist says why.
 */
export function readDate(input: string, options: DateReadingOptions = {}): DateReading {
  const text = input
    .normalize('NFKC')
    .replace(/\s/g, '')
    .toUpperCase()
    .replace(/[ー−–—]/g, '-');
  if (!text) return { state: 'empty' };
  const read = readForm(text, options.purpose === 'document');
  if (!read) return DATE_CHARACTERS.test(text) && text.length < 12 ? { state: 'incomplete' } : { state: 'invalid', refusal: refusal('date_unreadable') };
  if (read.state !== 'date') return read;
  const { date } = read;
  if (compareDates(date, FIRST_READABLE_DATE) < 0 || compareDates(date, LAST_READABLE_DATE) > 0) {
    return { state: 'invalid', refusal: refusal('date_out_of_range', { from: dateText(FIRST_READABLE_DATE), to: dateText(LAST_READABLE_DATE) }) };
  }
  if (options.purpose === 'birth' && options.today) {
    if (compareDates(date, options.today) > 0) return { state: 'invalid', refusal: refusal('birth_date_in_future') };
    if (compareDates(date, addMonths(options.today, -12 * MAX_AGE_YEARS)) < 0)
      return { state: 'invalid', refusal: refusal('birth_date_too_old', { years: MAX_AGE_YEARS }) };
  }
  return read;
}

/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

export function isIsoMonth(value: unknown): value is IsoMonth {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The month's first and last days, and the first day of the next (a month is counted in Japan's days). */
export function monthDays(month: IsoMonth): { first: IsoDate; last: IsoDate; next: IsoDate } {
  const first = `${month}-01`;
  const next = addMonths(first, 1);
  return { first, last: addDays(next, -1), next };
}

/** `令和8年11月` — a report's title. */
export function formatJapaneseMonth(month: IsoMonth): string {
  return formatJapaneseDate(`${month}-01`).replace(/\d+日$/, '');
}
