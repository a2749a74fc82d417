import { japanDate, japanTime, type IsoDate } from '@madoguchi/domain';
import { useWording } from '../i18n/wording';

/**
 * A date as every screen shows it: 令和8年11月30日 (24 Nov 2026 (Reiwa 8) in English), the
 * Western date on hover, and the ISO date for machines. Empty dates are a dash.
 */
export function DateText({ date }: { date: IsoDate | null | undefined }) {
  const wording = useWording();
  if (!date) return <>—</>;
  return (
    <time dateTime={date} title={wording.westernDate(date)}>
      {wording.date(date)}
    </time>
  );
}

/** An instant (an ISO timestamp from the API) as its Japan date and time: 令和8年11月30日 19:05. */
export function DateTimeText({ at }: { at: string | null | undefined }) {
  const wording = useWording();
  if (!at) return <>—</>;
  const instant = new Date(at);
  const date = japanDate(instant);
  return (
    <time dateTime={at} title={`${wording.westernDate(date)} ${japanTime(instant)}`}>
      {wording.date(date)} {japanTime(instant)}
    </time>
  );
}
