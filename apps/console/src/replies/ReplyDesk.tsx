import { checkDocuments, formatJapaneseDate, japanDate, PIN, requiredDocuments, type ChecklistLine } from '@madoguchi/domain';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { CaseView, ReplyMatch } from '@madoguchi/contract';
import { Checklist } from '../documents/Checklist';
import { DocumentsEditor, toPresented, type DocumentRow } from '../documents/DocumentsEditor';
import { usePolicy } from '../municipality';
import { messageOf, useAction } from '../useAction';
import { useApi } from '../useApi';
import { Section } from '../Section';


/** The second visit: the documents checked against the case's own policy, and the reply recorded. */
function SecondVisit({ match, codes, onDone }: { match: ReplyMatch; codes: { inquiryNumber: string; checkCode: string }; onDone: () => void }) {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const { data: record, refetch } = useGetOne<CaseView>('cases', { id: match.caseId });
  const policy = usePolicy(record?.policyVersion);
  const [rows, setRows] = useState<DocumentRow[]>([]);
  const [busy, setBusy] = useState(false);
  if (!record || !policy) return null;

  const required = requiredDocuments({ route: record.route, visit: 2, representativeKind: record.representative?.kind ?? null }, policy);
  const check = checkDocuments(required, toPresented(rows), japanDate(new Date()), policy);
  const lines: ChecklistLine[] = check.results.map((r) => ({ id: r.requirement.id, label: r.requirement.label, presentedBy: r.requirement.presentedBy, waived: r.requirement.waived, satisfied: r.satisfied, missing: r.missing }));

  async function move(body: object, done: string) {
    setBusy(true);
    await act(() => api.transition(record!.id, { version: record!.version, ...body }), done);
    await refetch();
    setBusy(false);
  }

  if (record.state === 'reply_returned' || record.state === 'completed') {
    return (
      <Card>
        <CardContent>
          <Alert severity="success" sx={{ mb: 2 }}>
            {translate(record.state === 'completed' ? 'madoguchi.replyDesk.completed' : 'madoguchi.replyDesk.recorded')}
          </Alert>
          {record.state === 'reply_returned' && (
            <>
              <Typography sx={{ mb: 2 }}>{translate('madoguchi.replyDesk.enterPins', { pins: record.pins.map((p) => PIN.labels[p]).join('、') })}</Typography>
              <Button variant="contained" disabled={busy} onClick={() => void move({ to: 'completed' }, 'madoguchi.case.moved')} id="reply-complete">
                {translate('madoguchi.case.complete')}
              </Button>
            </>
          )}
          {record.state === 'completed' && (
            <Button variant="contained" onClick={onDone} id="reply-next">
              {translate('madoguchi.replyDesk.next')}
            </Button>
          )}
        </CardContent>
      </Card>
    );
  }

  return (
    <Section id="visit2-title" title={translate('madoguchi.replyDesk.documents')}>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Box sx={{ flex: 2 }}>
          <DocumentsEditor rows={rows} onChange={setRows} presenters={['holder', 'representative']} idPrefix="visit2" />
        </Box>
        <Box sx={{ flex: 1 }}>
          <Checklist lines={lines} label={translate('madoguchi.register.visit2')} />
        </Box>
      </Stack>
      <Button
        sx={{ mt: 2 }}
        variant="contained"
        disabled={!check.satisfied || busy}
        onClick={() => void move({ to: 'reply_returned', reply: codes, documents: toPresented(rows) }, 'madoguchi.replyDesk.recorded')}
        id="reply-record"
      >
        {translate('madoguchi.replyDesk.record')}
      </Button>
    </Section>
  );
}

/**
 * 回答書の受付: type or scan the inquiry number and check code of the returned reply, land on its
 * case, check the second visit's documents, record the reply, then complete. A scanner that types
 * the letter's QR code ("照会番号 確認コード") into the first field fills both.
 */
export function ReplyDesk() {
  const translate = useTranslate();
  const api = useApi();
  const [inquiryNumber, setInquiryNumber] = useState('');
  const [checkCode, setCheckCode] = useState('');
  const [match, setMatch] = useState<ReplyMatch>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    setMatch(undefined);
    try {
      setMatch((await api.lookupReply({ inquiryNumber, checkCode })) as ReplyMatch);
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  function typedNumber(value: string) {
    const [number, code] = value.trim().split(/\s+/);
    if (code !== undefined) {
      setInquiryNumber(number ?? '');
      setCheckCode(code);
    } else setInquiryNumber(value);
  }

  function reset() {
    setInquiryNumber('');
    setCheckCode('');
    setMatch(undefined);
  }

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.replyDesk.title')} />
      <Section id="lookup-title" title={translate('madoguchi.replyDesk.lookup')}>
        <Stack component="form" direction={{ xs: 'column', md: 'row' }} spacing={2} onSubmit={(e) => void lookup(e)} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField id="reply-inquiry-number" label={translate('madoguchi.case.inquiryNumber')} value={inquiryNumber} onChange={(e) => typedNumber(e.target.value)} autoFocus required autoComplete="off" helperText={translate('madoguchi.replyDesk.numberHelp')} />
          <TextField id="reply-check-code" label={translate('madoguchi.replyDesk.checkCode')} value={checkCode} onChange={(e) => setCheckCode(e.target.value)} required autoComplete="off" />
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: { md: 1 } }} id="reply-lookup">
            {translate('madoguchi.replyDesk.find')}
          </Button>
        </Stack>
        {refusal && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {refusal}
          </Alert>
        )}
        {match && (
          <Box sx={{ mt: 2 }} data-testid="reply-match">
            {match.deadlinePassed && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {translate('madoguchi.replyDesk.late', { days: match.daysPastDeadline })}
              </Alert>
            )}
            <Typography variant="h5" component="p">
              <Link to={`/cases/${match.caseId}/show`}>{match.receiptNumber}</Link>
            </Typography>
            <Typography>
              {translate('madoguchi.register.holder')}: {match.holderName} ・ {translate('madoguchi.replyDesk.agent')}: {match.agentName}
            </Typography>
            <Typography color="text.secondary">
              {translate('madoguchi.case.mailedOn')} {formatJapaneseDate(match.mailedOn)} ・ {translate('madoguchi.cases.replyDeadline')} {formatJapaneseDate(match.replyDeadline)}
            </Typography>
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('madoguchi.replyDesk.sameAgent')}
            </Alert>
          </Box>
        )}
      </Section>
      {match && <SecondVisit key={match.caseId} match={match} codes={{ inquiryNumber, checkCode }} onDone={reset} />}
    </Stack>
  );
}
