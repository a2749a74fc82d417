import { CANCEL_REASON, CASE_STATE, HISTORY_EVENT, LETTER_REISSUE_REASON, RETURN_REASON } from '@madoguchi/domain';
import type { HistoryEntry, StaffRef } from '@madoguchi/contract';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateText, DateTimeText } from '../../dates/DateText';
import { useWording } from '../../i18n/wording';

/** A member of staff as people know them (窓口 一郎), the username on hover; the system as itself. */
export function StaffName({ staff }: { staff: StaffRef | { kind: 'system' } | null | undefined }) {
  const translate = useTranslate();
  if (!staff) return <>—</>;
  if ('kind' in staff) return <span data-testid="system-actor">{translate('madoguchi.case.systemActor')}</span>;
  return <span title={staff.username}>{staff.displayName}</span>;
}

/** A correction's lines: each field with its old and new value, and the letter it replaced. */
function Changes({ entry }: { entry: HistoryEntry }) {
  const translate = useTranslate();
  const wording = useWording();
  const name = (field: string) => {
    const [who, what] = field.includes('.') ? field.split('.') : [undefined, field];
    const label = translate(`madoguchi.case.changedFields.${what}`);
    return who ? translate('madoguchi.case.fieldOf', { who: translate(`madoguchi.case.changedFields.${who}`), field: label }) : label;
  };
  const value = (field: string, v: string | null) =>
    v === null || v === '' ? translate('madoguchi.case.empty') : field.endsWith('birthDate') ? <DateText date={v} /> : v;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="history-changes">
      {(entry.details?.changes ?? []).map((c) => (
        <Typography component="li" variant="body2" key={c.field}>
          {name(c.field)}
          {wording.colon}
          {value(c.field, c.from)} → {value(c.field, c.to)}
        </Typography>
      ))}
      {entry.details?.replacedInquiryNumber && (
        <Typography component="li" variant="body2">
          {translate('madoguchi.case.replacedLetter', { number: entry.details.replacedInquiryNumber })}
        </Typography>
      )}
    </Box>
  );
}

/** 経過: the case's append-only history as a timeline, each move or event with who and when. */
export function History({ entries }: { entries: readonly HistoryEntry[] }) {
  const translate = useTranslate();
  const wording = useWording();
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: '3px solid', borderColor: 'primary.main', pl: 2 }} data-testid="case-history">
      {entries.map((h, i) => (
        <Box component="li" key={i} sx={{ mb: 1.5 }}>
          <Typography sx={{ fontWeight: 'bold' }}>
            {h.from === h.to && h.event
              ? ''
              : `${h.from && h.from !== h.to ? `${wording.label(CASE_STATE, h.from)} → ` : ''}${wording.label(CASE_STATE, h.to)}`}
            {h.event && (h.from === h.to ? wording.label(HISTORY_EVENT, h.event) : wording.aside(wording.label(HISTORY_EVENT, h.event)))}
            {h.reason ? wording.aside(wording.label(CANCEL_REASON, h.reason)) : ''}
          </Typography>
          {h.event === 'corrected' && <Changes entry={h} />}
          {h.reason === 'reply_overdue' && h.details?.replyDeadline && (
            <Typography variant="body2">
              {translate('madoguchi.case.lapseDetails', { deadline: wording.date(h.details.replyDeadline), days: h.details.graceDays ?? 0 })}
            </Typography>
          )}
          {h.event === 'letter_returned' && h.details?.returnReason && (
            <Typography variant="body2">
              {translate('madoguchi.case.returnDetails', {
                reason: wording.label(RETURN_REASON, h.details.returnReason),
                number: h.details.inquiryNumber ?? '—',
              })}
            </Typography>
          )}
          {h.event === 'letter_reissued' && h.details?.reason && (
            <Typography variant="body2">
              {translate('madoguchi.case.reissueDetails', {
                reason: wording.label(LETTER_REISSUE_REASON, h.details.reason),
                number: h.details.replacedInquiryNumber ?? '—',
              })}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            <DateTimeText at={h.at} />
            {wording.dot}
            <StaffName staff={h.actor} />
          </Typography>
          {h.note && <Typography variant="body2">{h.note}</Typography>}
        </Box>
      ))}
    </Box>
  );
}
