import { CASE_STATE, DOCUMENT_TYPE, isOverdue, japanDate, PIN, PRESENTER, REPRESENTATIVE_KIND, RESET_REASON, ROUTE } from '@madoguchi/domain';
import type { CaseView, PartyView } from '@madoguchi/contract';
import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Loading, Title, useShowController, useTranslate } from 'react-admin';
import { DateText } from '../dates/DateText';
import { PanelBoundary } from '../errors/PanelBoundary';
import { useWording } from '../i18n/wording';
import { Section } from '../Section';
import { Actions } from './show/Actions';
import { Correction } from './show/Correction';
import { History } from './show/History';
import { Letters } from './show/Letters';
import { ReplyChecks } from './show/ReplyChecks';
import { useMayTake } from '../roles';

function Party({ title, party, extra }: { title: string; party: PartyView; extra?: ReactNode }) {
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

function Documents({ record }: { record: CaseView }) {
  const translate = useTranslate();
  const wording = useWording();
  return (
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
            <TableCell>{wording.label(PRESENTER, d.presentedBy)}</TableCell>
            <TableCell>{wording.label(DOCUMENT_TYPE, d.type)}</TableCell>
            <TableCell>
              <DateText date={d.issuedOn} />
            </TableCell>
            <TableCell>
              <DateText date={d.expiresOn} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The case's own query key: the list row react-admin keeps under the plain getOne key is a
 * summary (no letters, no history), and must never be shown as the whole case.
 */
export const CASE_VIEW_META = { view: 'case' } as const;

/** 申請の詳細: the people, the documents, the letters, the history, and what may be done next; each part fails on its own. */
export function CaseShow() {
  const translate = useTranslate();
  const wording = useWording();
  const mayTake = useMayTake();
  const { record, isPending, error } = useShowController<CaseView>({ queryOptions: { meta: CASE_VIEW_META } });
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
                <Chip
                  label={wording.label(CASE_STATE, record.state)}
                  color={record.state === 'completed' ? 'success' : record.state === 'cancelled' ? 'default' : 'primary'}
                  data-testid="case-state"
                />
                <Chip label={wording.label(ROUTE, record.route)} variant="outlined" />
                <Chip label={wording.label(RESET_REASON, record.reason)} variant="outlined" />
                {overdue && <Chip label={translate('madoguchi.cases.overdue')} color="error" />}
              </Stack>
            </Box>
            <PanelBoundary name="actions">
              <Actions record={record} />
            </PanelBoundary>
          </Stack>
          <Typography sx={{ mt: 2 }}>
            {translate('madoguchi.case.pins')}: {wording.list(record.pins.map((p) => wording.label(PIN, p)))}
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
          <Party
            title={translate('madoguchi.register.holder')}
            party={record.holder}
            extra={
              <>
                {translate('madoguchi.register.birthDate')} <DateText date={record.holder.birthDate} />
              </>
            }
          />
          {record.representative && <Party title={wording.label(REPRESENTATIVE_KIND, record.representative.kind)} party={record.representative} />}
        </Stack>
        <PanelBoundary name="correction">
          <Correction record={record} />
        </PanelBoundary>
      </Section>

      <Section id="case-documents" title={translate('madoguchi.register.documents')}>
        <PanelBoundary name="documents">
          <Documents record={record} />
        </PanelBoundary>
      </Section>

      {record.route === 'voluntary_agent' && (
        <Section id="case-letters" title={translate('madoguchi.case.letters')}>
          <PanelBoundary name="letters">
            <Letters record={record} current={current} />
          </PanelBoundary>
        </Section>
      )}

      {record.route === 'voluntary_agent' && mayTake('readReplyChecks') && (
        <Section id="case-reply-checks" title={translate('madoguchi.case.replyChecks')}>
          <PanelBoundary name="replyChecks">
            <ReplyChecks caseId={record.id} />
          </PanelBoundary>
        </Section>
      )}

      <Section id="case-history" title={translate('madoguchi.case.history')}>
        <PanelBoundary name="history">
          <History entries={record.history} />
        </PanelBoundary>
      </Section>
    </Stack>
  );
}
