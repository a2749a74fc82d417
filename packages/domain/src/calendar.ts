import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, compareDates, type IsoDate, weekday } from './dates';
import type { MunicipalityPolicy } from './policy';
import { problem, type Problem } from './problems';

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
}

/** A counter's opening hours: per weekday (0 = Sunday), plus extra opening days such as some Sundays. */
export interface OfficeHours {
  weekly: Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', OpeningTimes>>;
  specialOpenings?: ({ date: IsoDate } & OpeningTimes)[];
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

/** The counter's times on `date`, or undefined when it is closed (holidays and year-end close it whatever the week says). */
export function openingTimesOn(hours: OfficeHours, date: IsoDate): OpeningTimes | undefined {
  if (isYearEndClosure(date) || nationalHolidayName(date)) return undefined;
  const special = hours.specialOpenings?.find((s) => s.date === date);
  if (special) return { opens: special.opens, closes: special.closes };
  return hours.weekly[String(weekday(date)) as keyof OfficeHours['weekly']];
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
  for (let left = Math.abs(days); left > 0; ) {
    d = addDays(d, step);
    if (isOfficeDay(d)) left--;
  }
  return d;
}

/**
 * 回答期限: the policy's number of days after mailing; a deadline that falls on a day the counter
 * is closed moves to the next office day, so the agent can always come on the last day.
 */
export function replyDeadline(mailedOn: IsoDate, policy: Pick<MunicipalityPolicy, 'replyDeadlineDays'>): IsoDate {
  return nextOfficeDay(addDays(mailedOn, policy.replyDeadlineDays));
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
  problem?: Problem;
}

/**
 * Can a walk-in arriving at `time` on `date` be served, and finish? The national certificate
 * system stops taking work at about the policy's cut-off, so a late-counter arrival may not finish.
 */
export function checkArrival(hours: OfficeHours, date: IsoDate, time: Time, policy: Pick<MunicipalityPolicy, 'nationalSystemCutoff' | 'minutesPerReset'>): ArrivalCheck {
  const times = openingTimesOn(hours, date);
  if (!times) {
    const holiday = nationalHolidayName(date);
    const why = holiday ? `本日は${holiday}のため` : isYearEndClosure(date) ? '年末年始のため' : '本日は';
    return { open: false, problem: problem('office_closed_today', `${why}窓口は閉庁しています。`) };
  }
  const now = minutes(time);
  if (now < minutes(times.opens)) return { open: false, problem: problem('office_not_open_yet', `窓口は${times.opens}からです。`) };
  if (now >= minutes(times.closes)) return { open: false, problem: problem('office_closed_now', `本日の受付は${times.closes}で終了しました。`) };
  const finishBy = Math.min(minutes(times.closes), minutes(policy.nationalSystemCutoff));
  if (now + policy.minutesPerReset > finishBy) {
    return {
      open: true,
      problem: problem('may_not_finish_today', `手続には約${policy.minutesPerReset}分かかります。システムの受付終了（${policy.nationalSystemCutoff}頃）までに終わらない場合は、後日あらためてお越しください。`),
    };
  }
  return { open: true };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Check stored or edited opening hours: valid times, each opening before its closing. */
export function officeHoursProblems(hours: OfficeHours): Problem[] {
  const problems: Problem[] = [];
  const check = (t: OpeningTimes, path: string) => {
    if (!TIME.test(t.opens) || !TIME.test(t.closes)) problems.push(problem('hours_invalid_time', '時刻は HH:MM の形式で入力してください。', path));
    else if (minutes(t.opens) >= minutes(t.closes)) problems.push(problem('hours_closes_before_opens', '終了時刻は開始時刻より後にしてください。', path));
  };
  for (const [day, t] of Object.entries(hours.weekly)) {
    if (!/^[0-6]$/.test(day)) problems.push(problem('hours_invalid_weekday', '曜日は 0（日）から 6（土）で指定してください。', `weekly.${day}`));
    else if (t) check(t, `weekly.${day}`);
  }
  hours.specialOpenings?.forEach((s, i) => check(s, `specialOpenings.${i}`));
  return problems;
}
