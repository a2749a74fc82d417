import { RETURN_REASON, type ReturnReason } from '@madoguchi/domain';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWording } from '../i18n/wording';
import { useAction } from '../useAction';
import { useApi } from '../useApi';

/**
 * 返戻の記録: a letter the post office brought back, with the reason on its label. From the case
 * page the inquiry number is the current letter's; at the print desk it is typed (or scanned) from
 * the envelope.
 */
export function ReturnDialog({ inquiryNumber: given, onClose }: { inquiryNumber?: string; onClose: () => void }) {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const act = useAction();
  const [inquiryNumber, setInquiryNumber] = useState(given ?? '');
  const [reason, setReason] = useState<ReturnReason | ''>('');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const ready = !!inquiryNumber.trim() && !!reason && (reason !== 'other' || !!note.trim());

  async function record() {
    if (!reason) return;
    const ok = await act(() => api.recordReturnedLetter({ inquiryNumber, reason, ...(note.trim() ? { note } : {}) }), 'madoguchi.returns.recorded', {
      onRefused: setFieldErrors,
    });
    if (ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="return-title" fullWidth maxWidth="sm">
      <DialogTitle id="return-title">{translate('madoguchi.returns.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('madoguchi.returns.text')}</DialogContentText>
        <Stack spacing={2}>
          <TextField
            id="return-inquiry-number"
            label={translate('madoguchi.case.inquiryNumber')}
            value={inquiryNumber}
            disabled={given !== undefined}
            onChange={(e) => setInquiryNumber(e.target.value)}
            error={!!fieldErrors.inquiryNumber}
            helperText={fieldErrors.inquiryNumber}
            autoComplete="off"
          />
          <TextField
            select
            id="return-reason"
            label={translate('madoguchi.returns.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as ReturnReason)}
          >
            {RETURN_REASON.values.map((r) => (
              <MenuItem key={r} value={r}>
                {wording.label(RETURN_REASON, r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="return-note"
            label={translate('madoguchi.returns.note')}
            value={note}
            required={reason === 'other'}
            onChange={(e) => setNote(e.target.value)}
            error={!!fieldErrors.note}
            helperText={fieldErrors.note ?? translate('madoguchi.register.noteHelp')}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" id="confirm-return" disabled={!ready} onClick={() => void record()}>
          {translate('madoguchi.returns.record')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
