import { LETTER_REISSUE_REASON, LETTER_STATUS, reissueRefusal, STAFF_REISSUE_REASONS } from '@madoguchi/domain';
import type { CaseView } from '@madoguchi/contract';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DateText } from '../../dates/DateText';
import { useWording } from '../../i18n/wording';
import { useMayTake } from '../../roles';
import { useAction } from '../../useAction';
import { useApi } from '../../useApi';
import { ReturnDialog } from '../../returns/ReturnDialog';
import { useOpenDocument } from '../../useOpenDocument';

type StaffReissueReason = (typeof STAFF_REISSUE_REASONS)[number];

/** The letters of the case, with a preview for print staff and a reissue for the counter. A deadline shows only once its letter is mailed. */
export function Letters({ record, current }: { record: CaseView; current: CaseView['letters'][number] | undefined }) {
  const translate = useTranslate();
  const wording = useWording();
  const act = useAction();
  const api = useApi();
  const mayTake = useMayTake();
  const [reissuing, setReissuing] = useState(false);
  const [recordingReturn, setRecordingReturn] = useState(false);
  // The letter out in the post, while the reply is awaited, can be recorded as having come back.
  const canRecordReturn = mayTake('recordReturnedMail') && record.state === 'inquiry_mailed' && current?.status === 'mailed' && !current.returnedAt;
  const [reason, setReason] = useState<StaffReissueReason | ''>('');
  const canReissue = mayTake('reissueLetter') && !reissueRefusal(record.state, current?.status);

  const openDocument = useOpenDocument();
  async function reissue() {
    await act(() => api.reissueLetter(record.id, { version: record.version, reason: reason as StaffReissueReason }), 'madoguchi.case.reissued');
    setReissuing(false);
  }

  return (
    <>
      <Table size="small" aria-label={translate('madoguchi.case.letters')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('madoguchi.case.inquiryNumber')}</TableCell>
            <TableCell>{translate('madoguchi.case.letterStatus')}</TableCell>
            <TableCell>{translate('madoguchi.case.mailedOn')}</TableCell>
            <TableCell>{translate('madoguchi.cases.replyDeadline')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {record.letters.map((l) => (
            <TableRow key={l.id}>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: '1rem' }}>{l.inquiryNumber}</TableCell>
              <TableCell>{wording.label(LETTER_STATUS, l.status)}</TableCell>
              <TableCell>
                <DateText date={l.mailedOn} />
              </TableCell>
              <TableCell>
                <DateText date={l.mailedOn ? l.replyDeadline : null} />
              </TableCell>
              <TableCell>
                {l.pdfRemoved && (
                  <Typography variant="body2" color="text.secondary">
                    {translate('madoguchi.case.pdfRemoved')}
                  </Typography>
                )}
                {mayTake('printLetters') && !l.pdfRemoved && !['pending', 'failed'].includes(l.status) && (
                  <Button size="small" onClick={() => void openDocument(`/letters/${l.id}/pdf`)}>
                    {translate('madoguchi.case.preview')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {record.completionNotice && (
        <Typography sx={{ mt: 1 }} data-testid="completion-notice">
          {translate('madoguchi.case.completionNotice', {
            status: wording.label(LETTER_STATUS, record.completionNotice.status),
            number: record.completionNotice.noticeNumber ?? '—',
          })}
          {record.completionNotice.mailedOn && (
            <>
              {wording.dot}
              <DateText date={record.completionNotice.mailedOn} />
            </>
          )}
        </Typography>
      )}
      {current?.returnedAt && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="letter-returned">
          {translate('madoguchi.returns.held')}
        </Alert>
      )}
      {canRecordReturn && (
        <Button sx={{ mt: 1, mr: 1 }} onClick={() => setRecordingReturn(true)} id="action-record-return">
          {translate('madoguchi.returns.record')}
        </Button>
      )}
      {recordingReturn && current && <ReturnDialog inquiryNumber={current.inquiryNumber} onClose={() => setRecordingReturn(false)} />}
      {canReissue && (
        <Button sx={{ mt: 1 }} onClick={() => setReissuing(true)} id="action-reissue">
          {translate('madoguchi.case.reissue')}
        </Button>
      )}
      <Dialog open={reissuing} onClose={() => setReissuing(false)} aria-labelledby="reissue-title" fullWidth maxWidth="sm">
        <DialogTitle id="reissue-title">{translate('madoguchi.case.reissue')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('madoguchi.case.reissueText')}</DialogContentText>
          <TextField
            select
            fullWidth
            id="reissue-reason"
            label={translate('madoguchi.case.reissueReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as StaffReissueReason)}
          >
            {STAFF_REISSUE_REASONS.filter((r) => r !== 'locked' || mayTake('reissueLockedLetter')).map((r) => (
              <MenuItem key={r} value={r}>
                {wording.label(LETTER_REISSUE_REASON, r)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReissuing(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!reason} onClick={() => void reissue()}>
            {translate('madoguchi.case.reissue')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
