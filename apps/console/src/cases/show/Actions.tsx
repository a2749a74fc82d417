import { availableTransitions, CANCEL_REASON, PIN, type CancelReason, type TransitionRule } from '@madoguchi/domain';
import type { CaseView, TransitionBody } from '@madoguchi/contract';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useWording } from '../../i18n/wording';
import { useRole } from '../../roles';
import { useAction } from '../../useAction';
import { useApi } from '../../useApi';

/** 完了の確認: the same question wherever a case is completed (its page, the reply desk). */
export function CompleteDialog({
  open,
  record,
  onClose,
  onConfirm,
}: {
  open: boolean;
  record: Pick<CaseView, 'pins'>;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const translate = useTranslate();
  const wording = useWording();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="complete-title">
      <DialogTitle id="complete-title">{translate('madoguchi.case.completeTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('madoguchi.case.completeText', { pins: wording.list(record.pins.map((p) => wording.label(PIN, p))) })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={onConfirm} id="confirm-complete">
          {translate('madoguchi.case.complete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The moves this role may make now, from the domain's transition table; completing and cancelling ask first. */
export function Actions({ record }: { record: CaseView }) {
  const translate = useTranslate();
  const wording = useWording();
  const act = useAction();
  const api = useApi();
  const role = useRole();
  const [cancelling, setCancelling] = useState<TransitionRule>();
  const [completing, setCompleting] = useState(false);
  const [reason, setReason] = useState<CancelReason | ''>('');
  const [note, setNote] = useState('');
  if (!role) return null;
  const moves = availableTransitions(record.route, record.state, role);

  async function move(body: Omit<TransitionBody, 'version'>) {
    await act(() => api.transition(record.id, { version: record.version, ...body }), 'madoguchi.case.moved');
    setCancelling(undefined);
    setCompleting(false);
  }

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {moves.map((rule) => {
        if (rule.to === 'completed')
          return (
            <Button key={rule.to} variant="contained" onClick={() => setCompleting(true)} id="action-complete">
              {translate('madoguchi.case.complete')}
            </Button>
          );
        if (rule.to === 'reply_returned')
          return (
            <Button key={rule.to} variant="contained" component={Link} to={`/reply-desk?case=${record.id}`} id="action-reply">
              {translate('madoguchi.case.recordReply')}
            </Button>
          );
        if (rule.to === 'cancelled')
          return (
            <Button key={rule.to} color="error" variant="outlined" onClick={() => setCancelling(rule)} id="action-cancel">
              {translate('madoguchi.case.cancel')}
            </Button>
          );
        return null;
      })}
      <CompleteDialog open={completing} record={record} onClose={() => setCompleting(false)} onConfirm={() => void move({ to: 'completed' })} />
      <Dialog open={!!cancelling} onClose={() => setCancelling(undefined)} aria-labelledby="cancel-title" fullWidth maxWidth="sm">
        <DialogTitle id="cancel-title">{translate('madoguchi.case.cancelTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('madoguchi.case.cancelText')}</DialogContentText>
          <TextField
            select
            fullWidth
            id="cancel-reason"
            label={translate('madoguchi.case.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as CancelReason)}
            sx={{ mb: 2 }}
          >
            {(cancelling?.cancelReasons ?? []).map((r) => (
              <MenuItem key={r} value={r}>
                {wording.label(CANCEL_REASON, r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            id="cancel-note"
            label={translate('madoguchi.register.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(undefined)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={!reason}
            onClick={() => void move({ to: 'cancelled', reason: reason || null, ...(note ? { note } : {}) })}
            id="confirm-cancel"
          >
            {translate('madoguchi.case.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
