import type { ReactNode } from 'react';
import { CASE_STATE, japanDate, ROUTE } from '@madoguchi/domain';
import { Alert, Button, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText } from '../dates/DateText';
import { PanelBoundary } from '../errors/PanelBoundary';
import { useWording } from '../i18n/wording';
import { useApi } from '../useApi';
import { Bars, casesWith } from './Bars';

/** One card of the supervisors' dashboard: a titled section, with a link to the whole list where there is one. */
function DashboardCard({ id, title, link, children }: { id: string; title: string; link?: { to: string; label: string }; children: ReactNode }) {
  return (
    <Card sx={{ flex: 1 }} component="section" aria-labelledby={`${id}-title`}>
      <CardHeader
        id={`${id}-title`}
        title={title}
        action={
          link && (
            <Button component={Link} to={link.to}>
              {link.label}
            </Button>
          )
        }
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function useOpenAgentCases() {
  const api = useApi();
  return useQuery({ queryKey: ['supervision', 'open'], queryFn: () => api.openAgentCases() });
}

/** 未完了の任意代理人案件: by state (each a link into the list) and by age. */
function OpenAgentCases() {
  const translate = useTranslate();
  const wording = useWording();
  const { data: o } = useOpenAgentCases();
  return (
    <DashboardCard id="open" title={translate('madoguchi.dashboard.openAgentCases', { count: o?.total ?? 0 })}>
      {o && (
        <>
          <Typography variant="subtitle2" component="h3">
            {translate('madoguchi.dashboard.byState')}
          </Typography>
          <Bars
            label={translate('madoguchi.dashboard.byState')}
            rows={(['received', 'inquiry_mailed', 'reply_returned'] as const).map((s) => ({
              label: wording.label(CASE_STATE, s),
              count: o.byState[s],
              to: casesWith({ state: s, route: 'voluntary_agent' }),
            }))}
          />
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            {translate('madoguchi.dashboard.byAge')}
          </Typography>
          <Bars
            label={translate('madoguchi.dashboard.byAge')}
            rows={o.byAge.map((band) => ({
              label:
                band.toDays === null
                  ? translate('madoguchi.dashboard.ageFrom', { from: band.fromDays })
                  : translate('madoguchi.dashboard.ageBand', { from: band.fromDays, to: band.toDays }),
              count: band.count,
            }))}
          />
        </>
      )}
    </DashboardCard>
  );
}

/**
 * 対応が必要な案件: the supervisor's worklist — cases held by a letter that came back, then the
 * overdue, oldest first — each with the day it lapses by itself and what can be done next, each
 * opening its case (where the buttons are).
 */
function Worklist() {
  const translate = useTranslate();
  const { data: o } = useOpenAgentCases();
  return (
    <DashboardCard
      id="overdue"
      title={translate('madoguchi.dashboard.worklist', { overdue: o?.overdue ?? 0, returned: o?.returned ?? 0 })}
      link={{ to: casesWith({ overdue: true }), label: translate('madoguchi.dashboard.showAll') }}
    >
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('madoguchi.cases.receiptNumber')}</TableCell>
            <TableCell>{translate('madoguchi.cases.holderName')}</TableCell>
            <TableCell>{translate('madoguchi.dashboard.why')}</TableCell>
            <TableCell>{translate('madoguchi.cases.replyDeadline')}</TableCell>
            <TableCell>{translate('madoguchi.dashboard.lapsesOn')}</TableCell>
            <TableCell>{translate('madoguchi.dashboard.nextActions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody data-testid="overdue-cases">
          {(o?.worklist ?? []).map((c) => (
            <TableRow key={c.id} data-testid={`worklist-${c.returned ? 'returned' : 'overdue'}`}>
              <TableCell>
                <Link to={`/cases/${c.id}/show`}>{c.receiptNumber}</Link>
              </TableCell>
              <TableCell>{c.holderName}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={c.returned ? 'warning' : 'error'}
                  label={translate(c.returned ? 'madoguchi.dashboard.returned' : 'madoguchi.cases.overdue')}
                />
              </TableCell>
              <TableCell>
                <DateText date={c.replyDeadline} />
              </TableCell>
              <TableCell>
                <DateText date={c.lapsesOn} />
              </TableCell>
              <TableCell>
                {/* Each next step opens the case, where its buttons are. */}
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                  {c.actions.map((a) => (
                    <Button key={a} size="small" variant="outlined" component={Link} to={`/cases/${c.id}/show`} data-testid={`worklist-action-${a}`}>
                      {translate(`madoguchi.dashboard.actions.${a}`)}
                    </Button>
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DashboardCard>
  );
}

/** 本日の受付: today's walk-ins per office and route, each office a link into the list. */
function WalkInsToday() {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const today = japanDate(new Date());
  const { data } = useQuery({ queryKey: ['supervision', 'today'], queryFn: () => api.walkInsToday() });
  return (
    <DashboardCard
      id="today"
      title={translate('madoguchi.dashboard.walkInsToday')}
      link={{ to: casesWith({ createdFrom: today, createdTo: today }), label: translate('madoguchi.dashboard.showAll') }}
    >
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('madoguchi.dashboard.office')}</TableCell>
            {ROUTE.values.map((r) => (
              <TableCell key={r} align="right">
                {wording.label(ROUTE, r)}
              </TableCell>
            ))}
            <TableCell align="right">{translate('madoguchi.dashboard.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.offices ?? []).map((office) => (
            <TableRow key={office.officeId}>
              <TableCell>
                <Link to={casesWith({ officeId: office.officeId, createdFrom: today, createdTo: today })}>{office.officeName}</Link>
              </TableCell>
              {ROUTE.values.map((r) => (
                <TableCell key={r} align="right">
                  {office.byRoute[r]}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                {office.total}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DashboardCard>
  );
}

/** 照会書の作成・印刷の状況: the municipality's letters in the pipeline, and what needs a person. */
function LetterQueue() {
  const translate = useTranslate();
  const api = useApi();
  const { data: q } = useQuery({ queryKey: ['supervision', 'queue'], queryFn: () => api.queueOverview(), refetchInterval: 30_000 });
  const stuck = q ? q.stuckLetters.length + q.failedLetters.length + q.outbox.refused : 0;
  return (
    <DashboardCard id="queue" title={translate('madoguchi.dashboard.letterQueue')} link={{ to: '/print-desk', label: translate('madoguchi.printDesk.title') }}>
      {q && (
        <Stack spacing={1}>
          {stuck > 0 && (
            <Alert severity="error">
              {translate('madoguchi.dashboard.stuck', { stuck: q.stuckLetters.length, failed: q.failedLetters.length, refused: q.outbox.refused })}
            </Alert>
          )}
          {!q.queueReachable && <Alert severity="warning">{translate('madoguchi.dashboard.queueUnreachable')}</Alert>}
          <Bars
            label={translate('madoguchi.dashboard.letterQueue')}
            rows={[
              { label: translate('madoguchi.dashboard.outbox'), count: q.outbox.unsent },
              { label: translate('madoguchi.dashboard.pending'), count: q.letters.pending ?? 0 },
              { label: translate('madoguchi.dashboard.ready'), count: q.letters.ready ?? 0 },
              { label: translate('madoguchi.dashboard.printing'), count: q.letters.printed ?? 0 },
              { label: translate('madoguchi.dashboard.failed'), count: q.letters.failed ?? 0 },
            ]}
          />
        </Stack>
      )}
    </DashboardCard>
  );
}

/** 監督者の画面: the worklist, the open agent cases by state and age, today's walk-ins, the letter queue; each card fails on its own. */
export function Supervision() {
  return (
    <Stack spacing={2}>
      {/* The worklist has a row of its own: its lines carry the next steps, and a supervisor starts there. */}
      <PanelBoundary name="overdue">
        <Worklist />
      </PanelBoundary>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <PanelBoundary name="openAgentCases">
          <OpenAgentCases />
        </PanelBoundary>
        <PanelBoundary name="walkIns">
          <WalkInsToday />
        </PanelBoundary>
      </Stack>
      <PanelBoundary name="letterQueue">
        <LetterQueue />
      </PanelBoundary>
    </Stack>
  );
}
