import { CANCEL_REASON, CASE_STATE, HISTORY_EVENT, LETTER_REISSUE_REASON } from '@madoguchi/domain';
import type { HistoryEntry, StaffRef } from '@madoguchi/contract';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../../dates/DateText';
import { useWording } from '../../i18n/wording';

/** A member of staff as people know them (窓口 一郎), the username on hover. */
export function StaffName({ staff }: { staff: StaffRef | null | undefined }) {
  if (!staff) return <>—</>;
  return <span title={staff.username}>{staff.displayName}</span>;
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
