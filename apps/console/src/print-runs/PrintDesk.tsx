import { CASE_STATE, mailingEffect, PRINT_RUN_STATUS, type CaseState } from '@madoguchi/domain';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useGetList, useGetOne, useTranslate } from 'react-admin';
import type { CompletionNoticeSummary, LetterSummary, MailLedgerDay, PrintRunView } from '@madoguchi/contract';
import { Link } from 'react-router-dom';
import { useMayTake } from '../roles';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { ReturnDialog } from '../returns/ReturnDialog';
import { useOpenDocument } from '../useOpenDocument';
import { Section } from '../Section';
import { StaffName } from '../cases/show/History';
import { DateText, DateTimeText } from '../dates/DateText';
import { useWording } from '../i18n/wording';

const WAITING_REFRESH_MS = 5000;

/** 印刷待ち: ready letters of cases that still need them, oldest first, all picked unless unticked. */
function Waiting() {
  const translate = useTranslate();
  const api = useApi();
  const act = useAction();
  // The worker renders letters and notices as the counter registers and completes cases: the desk
  // looks again every few seconds, so a letter appears without a reload.
  const { data = [], total = 0 } = useGetList<LetterSummary>(
    'letters',
    { filter: { awaitingPrint: true }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { refetchInterval: WAITING_REFRESH_MS },
  );
  // Completion notices go into the next run by themselves, after the letters.
  const { total: notices = 0 } = useGetList<CompletionNoticeSummary>(
    'completion-notices',
    { filter: { status: 'ready' }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 1 } },
    { refetchInterval: WAITING_REFRESH_MS },
  );
  const [left, setLeft] = useState<Set<string>>(new Set());
  const picked = data.filter((l) => !left.has(l.id));
  const toggle = (id: string) => setLeft((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));

  return (
    <Section id="waiting-title" title={translate('madoguchi.printDesk.waiting', { count: total })}>
      {notices > 0 && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="notices-waiting">
          {translate('madoguchi.printDesk.noticesWaiting', { count: notices })}
        </Alert>
      )}
      {data.length === 0 && notices === 0 ? (
        <Typography color="text.secondary">{translate('madoguchi.printDesk.nothingWaiting')}</Typography>
      ) : (
        <>
          {data.length > 0 && (
            <Table size="small" aria-labelledby="waiting-title">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{translate('madoguchi.cases.receiptNumber')}</TableCell>
                  <TableCell>{translate('madoguchi.case.inquiryNumber')}</TableCell>
                  <TableCell>{translate('madoguchi.cases.holderName')}</TableCell>
                  <TableCell>{translate('madoguchi.cases.createdAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={!left.has(l.id)}
                        onChange={() => toggle(l.id)}
                        slotProps={{ input: { 'aria-label': `${l.receiptNumber} ${translate('madoguchi.printDesk.pick')}` } }}
                      />
                    </TableCell>
                    <TableCell>
                      <Link to={`/cases/${l.caseId}/show`}>{l.receiptNumber}</Link>
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{l.inquiryNumber}</TableCell>
                    <TableCell>
                      {l.holderName}
                      {l.missingCharacters && (
                        <Chip size="small" color="warning" sx={{ ml: 1 }} label={translate('madoguchi.printDesk.handwrite', { chars: l.missingCharacters })} />
                      )}
                    </TableCell>
                    <TableCell>
                      <DateTimeText at={l.createdAt} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Button
            sx={{ mt: 2 }}
            variant="contained"
            disabled={picked.length === 0 && notices === 0}
            id="create-print-run"
            onClick={() =>
              void act(async () => {
                await api.createPrintRun(picked.map((l) => l.caseId));
                setLeft(new Set());
              }, 'madoguchi.printDesk.created')
            }
          >
            {translate('madoguchi.printDesk.create', { count: picked.length + notices })}
          </Button>
        </>
      )}
    </Section>
  );
}

/** Confirming a run mailed: every letter is ticked as mailed; one whose case no longer awaits it is held back. */
function MailDialog({ runId, onClose }: { runId: string; onClose: () => void }) {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const act = useAction();
  const { data: run } = useGetOne<PrintRunView>('print-runs', { id: runId });
  const mustHold = (s: CaseState) => mailingEffect(s) === 'hold_back';
  const [withheld, setWithheld] = useState<Set<string>>();
  // A letter a correction replaced is not mailed: its pages are taken out, and it is no one's to hold back.
  const letters = (run?.letters ?? []).filter((l) => l.status !== 'superseded');
  const replaced = (run?.letters ?? []).filter((l) => l.status === 'superseded');
  const held = withheld ?? new Set(letters.filter((l) => mustHold(l.caseState)).map((l) => l.caseId));
  const toggle = (caseId: string) => setWithheld(new Set(held.has(caseId) ? [...held].filter((x) => x !== caseId) : [...held, caseId]));
  return (
    <Dialog open onClose={onClose} aria-labelledby="mail-title" fullWidth maxWidth="sm">
      <DialogTitle id="mail-title">{translate('madoguchi.printDesk.confirmMailed')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{translate('madoguchi.printDesk.mailText')}</DialogContentText>
        {replaced.map((l) => (
          <Alert key={l.id} severity="warning" sx={{ mb: 1 }} data-testid="run-letter-superseded">
            {`${l.position + 1}. ${l.receiptNumber} ${l.holderName}`}
            {wording.aside(translate('madoguchi.printDesk.superseded'))}
          </Alert>
        ))}
        {(run?.notices ?? []).length > 0 && (
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="run-notices">
            {translate('madoguchi.printDesk.noticesInRun', { count: run!.notices.length })}
          </Typography>
        )}
        {letters.map((l) => (
          <Box key={l.caseId}>
            <FormControlLabel
              control={<Checkbox checked={!held.has(l.caseId)} disabled={mustHold(l.caseState)} onChange={() => toggle(l.caseId)} />}
              label={`${l.position + 1}. ${l.receiptNumber} ${l.holderName}${mustHold(l.caseState) ? wording.aside(`${wording.label(CASE_STATE, l.caseState)}: ${translate('madoguchi.printDesk.holdBack')}`) : ''}`}
            />
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          id="confirm-mailed"
          // Not before the run's letters are read: which must be held back is decided from them.
          disabled={!run}
          onClick={() => void act(() => api.confirmMailed(runId, [...held]), 'madoguchi.printDesk.mailed').then(onClose)}
        >
          {translate('madoguchi.printDesk.confirmMailed')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 印刷バッチ: the runs, newest first, with their PDF, the mailing confirmation and cancellation. */
function Runs() {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const act = useAction();
  const mayTake = useMayTake();
  const [mailing, setMailing] = useState<string>();
  const [cancelling, setCancelling] = useState<string>();
  const { data = [] } = useGetList<PrintRunView>(
    'print-runs',
    { sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 20 } },
    { refetchInterval: (q) => ((q.state.data?.data ?? []).some((r) => r.status === 'rendering') ? 2000 : false) },
  );

  const openDocument = useOpenDocument();

  return (
    <Section id="runs-title" title={translate('madoguchi.printDesk.runs')}>
      <Table size="small" aria-labelledby="runs-title">
        <TableHead>
          <TableRow>
            <TableCell>{translate('madoguchi.printDesk.createdAt')}</TableCell>
            <TableCell>{translate('madoguchi.printDesk.count')}</TableCell>
            <TableCell>{translate('madoguchi.printDesk.printedOn')}</TableCell>
            <TableCell>{translate('madoguchi.cases.state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((run) => (
            <TableRow key={run.id} data-testid={`print-run-${run.status}`}>
              <TableCell>
                <DateTimeText at={run.createdAt} />
                {wording.dot}
                <StaffName staff={run.createdBy} />
              </TableCell>
              <TableCell>
                {run.letterCount}
                {run.noticeCount > 0 && wording.aside(translate('madoguchi.printDesk.plusNotices', { count: run.noticeCount }))}
              </TableCell>
              <TableCell>
                <DateText date={run.printedOn} />
              </TableCell>
              <TableCell>
                {wording.label(PRINT_RUN_STATUS, run.status)}
                {run.mailedBy && (
                  <Typography variant="body2" color="text.secondary">
                    <DateTimeText at={run.mailedAt} />
                    {wording.dot}
                    <StaffName staff={run.mailedBy} />
                  </Typography>
                )}
                {run.lastError && (
                  <Typography variant="body2" color="error">
                    {run.lastError}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={1}>
                  {(run.status === 'ready' || run.status === 'mailed') && (
                    <Button size="small" onClick={() => void openDocument(`/print-runs/${run.id}/pdf`)}>
                      {translate('madoguchi.printDesk.pdf')}
                    </Button>
                  )}
                  {run.status === 'ready' && mayTake('confirmMailed') && (
                    <Button size="small" variant="contained" onClick={() => setMailing(run.id)} className="mail-run">
                      {translate('madoguchi.printDesk.confirmMailed')}
                    </Button>
                  )}
                  {(run.status === 'ready' || run.status === 'rendering') && (
                    <Button size="small" color="error" onClick={() => setCancelling(run.id)}>
                      {translate('madoguchi.printDesk.cancel')}
                    </Button>
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {mailing && <MailDialog runId={mailing} onClose={() => setMailing(undefined)} />}
      <Dialog open={!!cancelling} onClose={() => setCancelling(undefined)} aria-labelledby="cancel-run-title">
        <DialogTitle id="cancel-run-title">{translate('madoguchi.printDesk.cancel')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('madoguchi.printDesk.cancelText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(undefined)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => void act(() => api.cancelPrintRun(cancelling!), 'madoguchi.printDesk.cancelled').then(() => setCancelling(undefined))}
          >
            {translate('madoguchi.printDesk.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}

/** 作成に失敗した照会書: what the worker gave up on, with the reason and a retry. */
function Failed() {
  const translate = useTranslate();
  const api = useApi();
  const act = useAction();
  const { data = [] } = useGetList<LetterSummary>('letters', {
    filter: { status: 'failed' },
    sort: { field: 'createdAt', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  if (!data.length) return null;
  return (
    <Section id="failed-title" title={translate('madoguchi.printDesk.failed', { count: data.length })} titleColor="error">
      {data.map((l) => (
        <Alert
          key={l.id}
          severity="error"
          sx={{ mb: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => void act(() => api.retryLetter(l.id), 'madoguchi.printDesk.retried')}>
              {translate('madoguchi.printDesk.retry')}
            </Button>
          }
        >
          {l.receiptNumber} {l.inquiryNumber}: {l.lastError}
        </Alert>
      ))}
    </Section>
  );
}

/** 発送簿: the days of mailing, newest first, each with its PDF (once the worker has made it) and a CSV. */
function Ledgers() {
  const translate = useTranslate();
  const { data = [] } = useGetList<MailLedgerDay>(
    'mail-ledgers',
    { sort: { field: 'day', order: 'DESC' }, pagination: { page: 1, perPage: 14 } },
    { refetchInterval: (q) => ((q.state.data?.data ?? []).some((d) => !d.pdfReady) ? 3000 : false) },
  );
  const openDocument = useOpenDocument();
  return (
    <Section id="ledgers-title" title={translate('madoguchi.printDesk.ledgers')}>
      {data.length === 0 ? (
        <Typography color="text.secondary">{translate('madoguchi.printDesk.noLedgers')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="ledgers-title">
          <TableHead>
            <TableRow>
              <TableCell>{translate('madoguchi.printDesk.mailedOn')}</TableCell>
              <TableCell>{translate('madoguchi.dashboard.office')}</TableCell>
              <TableCell align="right">{translate('madoguchi.printDesk.count')}</TableCell>
              <TableCell align="right">{translate('madoguchi.printDesk.postage')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((d) => (
              <TableRow key={d.id} data-testid="mail-ledger-day">
                <TableCell>
                  <DateText date={d.day} />
                </TableCell>
                <TableCell>{d.officeName}</TableCell>
                <TableCell align="right">{d.pieceCount}</TableCell>
                <TableCell align="right">{translate('madoguchi.printDesk.yen', { yen: d.postageTotal.toLocaleString('ja-JP') })}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Button size="small" disabled={!d.pdfReady} onClick={() => void openDocument(`/mail-ledgers/${d.id}/pdf`)}>
                      {d.pdfReady ? translate('madoguchi.printDesk.pdf') : translate('madoguchi.printDesk.pdfMaking')}
                    </Button>
                    <Button size="small" onClick={() => void openDocument(`/mail-ledgers/${d.id}/csv`, `mail-ledger-${d.day}.csv`)}>
                      CSV
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/** 返戻された照会書: a letter back from the post office, recorded by the number on it. */
function Returns() {
  const translate = useTranslate();
  const mayTake = useMayTake();
  const [open, setOpen] = useState(false);
  if (!mayTake('recordReturnedMail')) return null;
  return (
    <Section id="returns-title" title={translate('madoguchi.returns.desk')}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" id="open-record-return" onClick={() => setOpen(true)}>
          {translate('madoguchi.returns.record')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('madoguchi.returns.deskText')}
        </Typography>
      </Stack>
      {open && <ReturnDialog onClose={() => setOpen(false)} />}
    </Section>
  );
}

/** 印刷・発送: the print staff's desk. */
export function PrintDesk() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.printDesk.title')} />
      <Alert severity="info">{translate('madoguchi.printDesk.howTo')}</Alert>
      <Failed />
      <Waiting />
      <Runs />
      <Ledgers />
      <Returns />
    </Stack>
  );
}
