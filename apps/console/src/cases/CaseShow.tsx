import {
  availableTransitions,
  CANCEL_REASON,
  CASE_STATE,
  DOCUMENT_TYPE,
  formatJapaneseDate,
  isOverdue,
  japanDate,
  LETTER_REISSUE_REASON,
  LETTER_STATUS,
  PIN,
  PRESENTER,
  REPRESENTATIVE_KIND,
  reissueProblem,
  RESET_REASON,
  ROUTE,
  type CancelReason,
  type LetterReissueReason,
  type TransitionRule,
} from '@madoguchi/domain';
import { Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useNotify, useShowController, useTranslate } from 'react-admin';
import type { CaseView, PartyView } from '@madoguchi/contract';
import { Link } from 'react-router-dom';
import { useRole, useRoleIn } from '../roles';
import { messageOf, useAction } from '../useAction';
import { useApi } from '../useApi';
import { Section } from '../Section';
import { japanDateTime } from '../format';



const date = (d: string | null) => (d ? formatJapaneseDate(d) : '—');

function Party({ title, party, extra }: { title: string; party: PartyView; extra?: string }) {
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
        {title}
      </Typography>
      <Typography sx={{ fontSize: '1.25rem' }}>
        {party.familyName} {party.givenName}
      </Typography>
      <Typography color="text.secondary">
        {party.familyNameKana} {party.givenNameKana}
      </Typography>
      {extra && <Typography>{extra}</Typography>}
      {party.address && (
        <Typography>
          〒{party.postalCode} {party.address}
        </Typography>
      )}
    </Box>
  );
}

/** The moves this role may make now, from the domain's transition table; cancelling asks first. */
function Actions({ record }: { record: CaseView }) {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const role = useRole();
  const [cancelling, setCancelling] = useState<TransitionRule>();
  const [completing, setCompleting] = useState(false);
  const [reason, setReason] = useState<CancelReason | ''>('');
  const [note, setNote] = useState('');
  if (!role) return null;
  const moves = availableTransitions(record.route, record.state, role);

  async function move(body: object) {
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
      <Dialog open={completing} onClose={() => setCompleting(false)} aria-labelledby="complete-title">
        <DialogTitle id="complete-title">{translate('madoguchi.case.completeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('madoguchi.case.completeText', { pins: record.pins.map((p) => PIN.labels[p]).join('、') })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCompleting(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void move({ to: 'completed' })} id="confirm-complete">
            {translate('madoguchi.case.complete')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={!!cancelling} onClose={() => setCancelling(undefined)} aria-labelledby="cancel-title" fullWidth maxWidth="sm">
        <DialogTitle id="cancel-title">{translate('madoguchi.case.cancelTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('madoguchi.case.cancelText')}</DialogContentText>
          <TextField select fullWidth id="cancel-reason" label={translate('madoguchi.case.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value as CancelReason)} sx={{ mb: 2 }}>
            {(cancelling?.cancelReasons ?? []).map((r) => (
              <MenuItem key={r} value={r}>
                {CANCEL_REASON.labels[r]}
              </MenuItem>
            ))}
          </TextField>
          <TextField fullWidth id="cancel-note" label={translate('madoguchi.register.note')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(undefined)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={!reason} onClick={() => void move({ to: 'cancelled', reason, ...(note ? { note } : {}) })} id="confirm-cancel">
            {translate('madoguchi.case.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

/** Letters of the case, with a preview for print staff and a reissue for the counter. */
function Letters({ record, current }: { record: CaseView; current: CaseView['letters'][number] | undefined }) {
  const translate = useTranslate();
  const notify = useNotify();
  const act = useAction();
  const api = useApi();
  const roleIn = useRoleIn();
  const [reissuing, setReissuing] = useState(false);
  const [reason, setReason] = useState<LetterReissueReason | ''>('');
  const canReissue = roleIn('caseWork') && !reissueProblem(record.state, current?.status);

  async function preview(letterId: string) {
    try {
      window.open(await api.pdfUrl(`/letters/${letterId}/pdf`), '_blank', 'noopener');
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    }
  }
  async function reissue() {
    await act(() => api.reissueLetter(record.id, { version: record.version, reason: reason as LetterReissueReason }), 'madoguchi.case.reissued');
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
              <TableCell>{LETTER_STATUS.labels[l.status]}</TableCell>
              <TableCell>{date(l.mailedOn)}</TableCell>
              <TableCell>{date(l.replyDeadline)}</TableCell>
              <TableCell>
                {roleIn('printing') && !['pending', 'failed'].includes(l.status) && (
                  <Button size="small" onClick={() => void preview(l.id)}>
                    {translate('madoguchi.case.preview')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canReissue && (
        <Button sx={{ mt: 1 }} onClick={() => setReissuing(true)} id="action-reissue">
          {translate('madoguchi.case.reissue')}
        </Button>
      )}
      <Dialog open={reissuing} onClose={() => setReissuing(false)} aria-labelledby="reissue-title" fullWidth maxWidth="sm">
        <DialogTitle id="reissue-title">{translate('madoguchi.case.reissue')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('madoguchi.case.reissueText')}</DialogContentText>
          <TextField select fullWidth id="reissue-reason" label={translate('madoguchi.case.reissueReason')} value={reason} onChange={(e) => setReason(e.target.value as LetterReissueReason)}>
            {LETTER_REISSUE_REASON.values.map((r) => (
              <MenuItem key={r} value={r}>
                {LETTER_REISSUE_REASON.labels[r]}
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

/** 申請の詳細: the people, the documents, the letters, the history, and what may be done next. */
export function CaseShow() {
  const translate = useTranslate();
  const { record, isPending, error } = useShowController<CaseView>();
  if (isPending) return <Loading />;
  if (error || !record) return <Alert severity="error">{error instanceof Error ? error.message : translate('ra.page.error')}</Alert>;
  // The newest letter not replaced by a reissue: its deadline is the case's, and it decides whether a reissue is allowed.
  const current = [...record.letters].reverse().find((l) => l.status !== 'superseded');
  const overdue = record.state === 'inquiry_mailed' && !!current?.replyDeadline && isOverdue(current.replyDeadline, japanDate(new Date()));

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={`${translate('madoguchi.case.title')} ${record.receiptNumber}`} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
            <Box>
              <Typography variant="h4" component="h1" sx={{ letterSpacing: '0.05em' }} data-testid="case-receipt-number">
                {record.receiptNumber}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
                <Chip label={CASE_STATE.labels[record.state]} color={record.state === 'completed' ? 'success' : record.state === 'cancelled' ? 'default' : 'primary'} data-testid="case-state" />
                <Chip label={ROUTE.labels[record.route]} variant="outlined" />
                <Chip label={RESET_REASON.labels[record.reason]} variant="outlined" />
                {overdue && <Chip label={translate('madoguchi.cases.overdue')} color="error" />}
              </Stack>
            </Box>
            <Actions record={record} />
          </Stack>
          <Typography sx={{ mt: 2 }}>
            {translate('madoguchi.case.pins')}: {record.pins.map((p) => PIN.labels[p]).join('、')}
          </Typography>
          {record.note && (
            <Typography color="text.secondary">
              {translate('madoguchi.register.note')}: {record.note}
            </Typography>
          )}
        </CardContent>
      </Card>

      <Section id="case-people" title={translate('madoguchi.case.people')}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
          <Party title={translate('madoguchi.register.holder')} party={record.holder} extra={`${translate('madoguchi.register.birthDate')} ${formatJapaneseDate(record.holder.birthDate)}`} />
          {record.representative && <Party title={REPRESENTATIVE_KIND.labels[record.representative.kind]} party={record.representative} />}
        </Stack>
      </Section>

      <Section id="case-documents" title={translate('madoguchi.register.documents')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('madoguchi.case.visit')}</TableCell>
              <TableCell>{translate('madoguchi.documents.presentedBy')}</TableCell>
              <TableCell>{translate('madoguchi.documents.type')}</TableCell>
              <TableCell>{translate('madoguchi.documents.issuedOn')}</TableCell>
              <TableCell>{translate('madoguchi.documents.expiresOn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.documents.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.visit}</TableCell>
                <TableCell>{PRESENTER.labels[d.presentedBy]}</TableCell>
                <TableCell>{DOCUMENT_TYPE.labels[d.type]}</TableCell>
                <TableCell>{date(d.issuedOn)}</TableCell>
                <TableCell>{date(d.expiresOn)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      {record.route === 'voluntary_agent' && (
        <Section id="case-letters" title={translate('madoguchi.case.letters')}>
          <Letters record={record} current={current} />
        </Section>
      )}

      <Section id="case-history" title={translate('madoguchi.case.history')}>
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: '3px solid', borderColor: 'primary.main', pl: 2 }} data-testid="case-history">
          {record.history.map((h, i) => (
            <Box component="li" key={i} sx={{ mb: 1.5 }}>
              <Typography sx={{ fontWeight: 'bold' }}>
                {h.from && h.from !== h.to ? `${CASE_STATE.labels[h.from]} → ` : ''}
                {CASE_STATE.labels[h.to]}
                {h.reason ? `（${CANCEL_REASON.labels[h.reason]}）` : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {japanDateTime(h.at)} ・ {h.actor.username}
              </Typography>
              {h.note && <Typography variant="body2">{h.note}</Typography>}
            </Box>
          ))}
        </Box>
      </Section>
    </Stack>
  );
}
