import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, compareDates, isIsoDate, type IsoDate, weekday } from './dates';
import type { MunicipalityPolicy } from './policy';
import { refusal, type Refusal } from './refusals';

const HOLIDAYS = holidayJp.holidays as Readonly<Record<string, { name: string }>>;

/** 国民の祝日・休日 (including substitute and citizens' holidays), from the maintained holiday_jp data. */
export function nationalHolidayName(date: IsoDate): string | undefined {
  return HOLIDAYS[date]?.name;
}

/** 年末年始: the counter is closed from 29 December to 3 January. */
export function isYearEndClosure(date: IsoDate): boolean {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
}

export type Time = string; // HH:MM, Japan time

export interface OpeningTimes {
  opens: Time;
  closes: Time;
  /** A closure within the day (003: 「正午から午後1時までを除きます」). */
  lunch?: { from: Time; to: Time };
}

/** A weekday closed in its nth week of the month (003: 「第3日曜日…を除き」): weekday 0 = Sunday, nth 1–5. */
export interface NthWeekdayClosure {
  weekday: number;
  nth: number;
}

/** A counter's opening hours: per weekday (0 = Sunday), extra opening days, and the exceptions. */
export interface OfficeHours {
  weekly: Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', OpeningTimes>>;
  specialOpenings?: ({ date: IsoDate } & OpeningTimes)[];
  /** Weekdays closed in a given week of each month (the third Sunday). */
  closedNthWeekdays?: NthWeekdayClosure[];
  /** Single days the counter is closed (an office move, an inventory day). */
  closedDates?: IsoDate[];
}

/** Which week of its month a date falls in (1 for days 1–7, … 5 for days 29–31). */
export function nthOfMonth(date: IsoDate): number {
  return Math.ceil(Number(date.slice(8, 10)) / 7);
}

/** Weekdays 8:30–17:00, with a late counter on Wednesdays until 19:00. */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({
  weekly: {
    '1': { opens: '08:30', closes: '17:00' },
    '2': { opens: '08:30', closes: '17:00' },
    '3': { opens: '08:30', closes: '19:00' },
    '4': { opens: '08:30', closes: '17:00' },
    '5': { opens: '08:30', closes: '17:00' },
  },
});

/** An office's hours as stored (a JSON column): its own week, or the default week when none was set. */
export function officeHoursOrDefault(stored: unknown): OfficeHours {
  return typeof stored === 'object' && stored !== null && 'weekly' in stored ? (stored as OfficeHours) : { ...DEFAULT_OFFICE_HOURS };
}

/** The counter's times on `date`, or undefined when it is closed (holidays and year-end close it whatever the week says). */
export function openingTimesOn(hours: OfficeHours, date: IsoDate): OpeningTimes | undefined {
  if (isYearEndClosure(date) || nationalHolidayName(date)) return undefined;
  if (hours.closedDates?.includes(date)) return undefined;
  const special = hours.specialOpenings?.find((s) => s.date === date);
  if (special) {
    const { date: _day, ...times } = special;
    return times;
  }
  const day = weekday(date);
  if (hours.closedNthWeekdays?.some((c) => c.weekday === day && c.nth === nthOfMonth(date))) return undefined;
  return hours.weekly[String(day) as keyof OfficeHours['weekly']];
}

/** An office day: a weekday that is neither a national holiday nor in the year-end closure. */
export function isOfficeDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !nationalHolidayName(date) && !isYearEndClosure(date);
}

export function nextOfficeDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isOfficeDay(d)) d = addDays(d, 1);
  return d;
}

/** `days` office days after `date` (negative counts back). */
export function addOfficeDays(date: IsoDate, days: number): IsoDate {
  const step = days < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(days); left > 0;) {
    d = addDays(d, step);
    if (isOfficeDay(d)) left--;
  }
  return d;
}

/**
 * 回答期限: the policy's number of days after the date printed on the letter (発行日); a deadline
 * that falls on a day the counter is closed moves to the next office day, so the agent can always
 * come on the last day.
 */
export function replyDeadline(issuedOn: IsoDate, policy: Pick<MunicipalityPolicy, 'replyDeadlineDays'>): IsoDate {
  return nextOfficeDay(addDays(issuedOn, policy.replyDeadlineDays));
}

/** Overdue from the day after the deadline. */
export function isOverdue(deadline: IsoDate, today: IsoDate): boolean {
  return compareDates(today, deadline) > 0;
}

function minutes(time: Time): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export interface ArrivalCheck {
  open: boolean;
  /** Why the walk-in cannot be served now, or a warning that the reset may not finish today. */
  problem?: Refusal;
}

/**
 * Can a walk-in arriving at `time` on `date` be served, and finish? The national certificate
 * system stops taking work at about the policy's cut-off, so a late-counter arrival may not finish.
 */
export function checkArrival(
  hours: OfficeHours,
  date: IsoDate,
  time: Time,
  policy: Pick<MunicipalityPolicy, 'nationalSystemCutoff' | 'minutesPerReset' | 'nationalSystemClosures'>,
): ArrivalCheck {
  const times = openingTimesOn(hours, date);
  if (!times) {
    const holiday = nationalHolidayName(date);
    const why = holiday
      ? refusal('office_closed_holiday', { holiday })
      : isYearEndClosure(date)
        ? refusal('office_closed_year_end')
        : refusal('office_closed_today');
    return { open: false, problem: why };
  }
  const now = minutes(time);
  if (now < minutes(times.opens)) return { open: false, problem: refusal('office_not_open_yet', { opens: times.opens }) };
  if (now >= minutes(times.closes)) return { open: false, problem: refusal('office_closed_now', { closes: times.closes }) };
  const lunch = times.lunch;
  if (lunch && now >= minutes(lunch.from) && now < minutes(lunch.to)) {
    return { open: false, problem: refusal('office_lunch_closure', { from: lunch.from, to: lunch.to }) };
  }
  // Announced by the national system's operator (J-LIS): the counter is open, the reset cannot be done.
  const closure = nationalClosureAt(policy.nationalSystemClosures, date, now, policy.minutesPerReset);
  if (closure) {
    return { open: true, problem: refusal('national_system_closure', { from: closure.from ?? '00:00', to: closure.to ?? '24:00' }) };
  }
  if (lunch && now < minutes(lunch.from) && now + policy.minutesPerReset > minutes(lunch.from)) {
    return { open: true, problem: refusal('may_not_finish_before_lunch', { minutes: policy.minutesPerReset, from: lunch.from }) };
  }
  const finishBy = Math.min(minutes(times.closes), minutes(policy.nationalSystemCutoff));
  if (now + policy.minutesPerReset > finishBy) {
    return {
      open: true,
      problem: refusal('may_not_finish_today', { minutes: policy.minutesPerReset, cutoff: policy.nationalSystemCutoff }),
    };
  }
  return { open: true };
}

/** A closure of the national system announced by its operator: a whole day, or from–to. */
export interface NationalSystemClosure {
  date: IsoDate;
  from?: Time;
  to?: Time;
}

/** The announced closure a reset started at `now` (minutes) on `date` would run into, if any. */
function nationalClosureAt(closures: readonly NationalSystemClosure[], date: IsoDate, now: number, minutesPerReset: number): NationalSystemClosure | undefined {
  return closures.find((c) => {
    if (c.date !== date) return false;
    const from = c.from ? minutes(c.from) : 0;
    const to = c.to ? minutes(c.to) : 24 * 60;
    return now < to && now + minutesPerReset > from;
  });
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Check stored or edited opening hours: valid times, each opening before its closing. */
export function officeHoursRefusals(hours: OfficeHours): Refusal[] {
  const problems: Refusal[] = [];
  const check = (t: OpeningTimes, path: string) => {
    if (!TIME.test(t.opens) || !TIME.test(t.closes)) problems.push(refusal('hours_invalid_time', undefined, path));
    else if (minutes(t.opens) >= minutes(t.closes)) problems.push(refusal('hours_closes_before_opens', undefined, path));
    else if (t.lunch) {
      const { from, to } = t.lunch;
      if (!TIME.test(from) || !TIME.test(to)) problems.push(refusal('hours_invalid_time', undefined, `${path}.lunch`));
      else if (minutes(from) >= minutes(to) || minutes(from) <= minutes(t.opens) || minutes(to) >= minutes(t.closes)) {
        problems.push(refusal('hours_lunch_outside', undefined, `${path}.lunch`));
      }
    }
  };
  for (const [day, t] of Object.entries(hours.weekly)) {
    if (!/^[0-6]$/.test(day)) problems.push(refusal('hours_invalid_weekday', undefined, `weekly.${day}`));
    else if (t) check(t, `weekly.${day}`);
  }
  hours.specialOpenings?.forEach((s, i) => check(s, `specialOpenings.${i}`));
  hours.closedNthWeekdays?.forEach((c, i) => {
    if (!Number.isInteger(c.weekday) || c.weekday < 0 || c.weekday > 6 || !Number.isInteger(c.nth) || c.nth < 1 || c.nth > 5) {
      problems.push(refusal('hours_invalid_nth_weekday', undefined, `closedNthWeekdays.${i}`));
    }
  });
  hours.closedDates?.forEach((d, i) => {
    if (!isIsoDate(d)) problems.push(refusal('date_malformed', undefined, `closedDates.${i}`));
  });
  return problems;
}

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];
const clock = (t: Time) => t.replace(/^0/, '');

/**
 * The counter's week in a line, as a letter prints it: 「月・火・木・金 8:30〜17:00／水 8:30〜19:00
 * （祝日・年末年始を除く。第3日曜日は休み）」. Days with the same times are named together.
 */
export function describeOfficeHours(hours: OfficeHours): string {
  const groups = new Map<string, number[]>();
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const t = hours.weekly[String(day) as keyof OfficeHours['weekly']];
    if (!t) continue;
    const key = `${clock(t.opens)}〜${clock(t.closes)}${t.lunch ? `（${clock(t.lunch.from)}〜${clock(t.lunch.to)}を除く）` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  const week = [...groups].map(([times, days]) => `${days.map((d) => WEEKDAY_JA[d]).join('・')} ${times}`).join('／');
  const closed = (hours.closedNthWeekdays ?? []).map((c) => `第${c.nth}${WEEKDAY_JA[c.weekday]}曜日`);
  return `${week}（祝日・年末年始を除く${closed.length ? `。${closed.join('・')}は休み` : ''}）`;
}
