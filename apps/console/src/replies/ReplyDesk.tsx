import { CHECK_CODE_LENGTH, INQUIRY_NUMBER_LENGTH, normalizeTypedCode } from '@madoguchi/domain';
import type { ApiErrorDetail, ReplyMatch } from '@madoguchi/contract';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { HttpError, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText } from '../dates/DateText';
import { Section } from '../Section';
import { messageOf } from '../useAction';
import { useApi } from '../useApi';
import { SecondVisit } from './SecondVisit';
import { useWording } from '../i18n/wording';

/** "9文字です（今は7文字）" while a number or code has the wrong length; nothing once it is right, or before anything is typed. */
function useLength(label: 'inquiryNumber' | 'checkCode') {
  const translate = useTranslate();
  const expected = label === 'inquiryNumber' ? INQUIRY_NUMBER_LENGTH : CHECK_CODE_LENGTH;
  return (typed: string): string | undefined => {
    const length = normalizeTypedCode(typed).length;
    return length && length !== expected ? translate('madoguchi.replyDesk.length', { expected, length }) : undefined;
  };
}

/**
 * 回答書の受付: type or scan the inquiry number and check code of the returned reply, land on its
 * case, check the second visit's documents, record the reply, then complete. A scanner that types
 * the letter's QR code ("照会番号 確認コード") into the first field fills both.
 */
export function ReplyDesk() {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const [inquiryNumber, setInquiryNumber] = useState('');
  const [checkCode, setCheckCode] = useState('');
  const [match, setMatch] = useState<ReplyMatch>();
  const [refusal, setRefusal] = useState<{ message: string; details: ApiErrorDetail[] }>();
  const [busy, setBusy] = useState(false);
  const numberLength = useLength('inquiryNumber')(inquiryNumber);
  const codeLength = useLength('checkCode')(checkCode);
  const fieldError = (path: string) => refusal?.details.find((d) => d.path === path)?.message;

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    setMatch(undefined);
    try {
      setMatch(await api.lookupReply({ inquiryNumber, checkCode }));
    } catch (error) {
      setRefusal({
        message: messageOf(error),
        details: error instanceof HttpError ? ((error.body as { details?: ApiErrorDetail[] } | undefined)?.details ?? []) : [],
      });
    } finally {
      setBusy(false);
    }
  }

  /**
   * A QR scanner types "照会番号 確認コード" into the first field, key by key: at the space the
   * number is complete and the rest belongs to the check code, so the focus moves there (a paste
   * of both fills both at once).
   */
  function typedNumber(value: string) {
    const space = value.search(/\s/);
    if (space < 0 || !value.slice(0, space).trim()) return setInquiryNumber(value);
    setInquiryNumber(value.slice(0, space).trim());
    setCheckCode((code) => code + value.slice(space).trim());
    document.getElementById('reply-check-code')?.focus();
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
          <TextField
            id="reply-inquiry-number"
            label={translate('madoguchi.case.inquiryNumber')}
            value={inquiryNumber}
            onChange={(e) => typedNumber(e.target.value)}
            autoFocus
            required
            autoComplete="off"
            error={!!fieldError('inquiryNumber')}
            helperText={fieldError('inquiryNumber') ?? numberLength ?? translate('madoguchi.replyDesk.numberHelp')}
          />
          <TextField
            id="reply-check-code"
            label={translate('madoguchi.replyDesk.checkCode')}
            value={checkCode}
            onChange={(e) => setCheckCode(e.target.value)}
            required
            autoComplete="off"
            error={!!fieldError('checkCode')}
            helperText={fieldError('checkCode') ?? codeLength}
          />
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: { md: 1 } }} id="reply-lookup">
            {translate('madoguchi.replyDesk.find')}
          </Button>
        </Stack>
        {refusal && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {refusal.message}
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
              {translate('madoguchi.register.holder')}: {match.holderName}
              {wording.dot}
              {translate('madoguchi.replyDesk.agent')}: {match.agentName}
              {wording.dot}
              {translate('madoguchi.register.agentBirthDate')}:{' '}
              {match.agentBirthDate ? <DateText date={match.agentBirthDate} /> : translate('madoguchi.replyDesk.notRecorded')}
            </Typography>
            <Typography color="text.secondary">
              {translate('madoguchi.case.mailedOn')} <DateText date={match.mailedOn} />
              {wording.dot}
              {translate('madoguchi.cases.replyDeadline')} <DateText date={match.replyDeadline} />
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
