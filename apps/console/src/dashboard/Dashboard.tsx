import { CASE_STATE, formatJapaneseDate, japanDate, ROUTE } from '@madoguchi/domain';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import type { OpenAgentCases, QueueOverview, WalkInsToday } from '@madoguchi/contract';
import { Link } from 'react-router-dom';
import { useRoleIn } from '../roles';
import { useApi } from '../useApi';

type Reachability = 'up' | 'down';
type Health = { database: Reachability; redis: Reachability } | 'unreachable' | undefined;

/** A link into the case list with its filters set. */
export const casesWith = (filter: object) => `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;

function Status({ label, state }: { label: string; state: Reachability | undefined }) {
  const translate = useTranslate();
  const text = state ? translate(`madoguchi.dashboard.${state}`) : translate('madoguchi.dashboard.checking');
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography sx={{ minWidth: 160 }}>{label}</Typography>
      <Chip label={text} variant="outlined" color={state === 'up' ? 'success' : state === 'down' ? 'error' : 'default'} aria-label={`${label}: ${text}`} />
    </Stack>
  );
}

function SystemHealth() {
  const translate = useTranslate();
  const [health, setHealth] = useState<Health>();
  useEffect(() => {
    const controller = new AbortController();
    fetch('/health', { signal: controller.signal })
      .then((res) => res.json() as Promise<{ database: Reachability; redis: Reachability }>)
      .then((body) => setHealth({ database: body.database, redis: body.redis }))
      .catch(() => {
        if (!controller.signal.aborted) setHealth('unreachable');
      });
    return () => controller.abort();
  }, []);
  const report = typeof health === 'object' ? health : undefined;
  return health === 'unreachable' ? (
    <Typography color="error" role="alert">
      {translate('madoguchi.dashboard.unreachable')}
    </Typography>
  ) : (
    <Stack spacing={1}>
      <Status label={translate('madoguchi.dashboard.database')} state={report?.database} />
      <Status label={translate('madoguchi.dashboard.queue')} state={report?.redis} />
    </Stack>
  );
}

/** Horizontal bars with their numbers written out: the bars help the eye, the numbers carry the meaning. */
function Bars({ rows, label }: { rows: { label: string; count: number; to?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Box component="dl" aria-label={label} sx={{ m: 0 }}>
      {rows.map((r) => (
        <Stack key={r.label} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.75 }}>
          <Typography component="dt" sx={{ width: 120, flexShrink: 0 }}>
            {r.to ? <Link to={r.to}>{r.label}</Link> : r.label}
          </Typography>
          <Box component="dd" sx={{ m: 0, flex: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
            <Box aria-hidden sx={{ height: 18, width: `${(r.count / max) * 100}%`, minWidth: r.count ? 4 : 0, bgcolor: 'primary.main', borderRadius: 0.5 }} />
            <Typography sx={{ fontWeight: 'bold' }}>{r.count}</Typography>
          </Box>
        </Stack>
      ))}
    </Box>
  );
}


/** 監督者の画面: the open agent cases by state and age, the overdue, today's walk-ins, the letter queue. */
function Supervision() {
  const translate = useTranslate();
  const api = useApi();
  const open = useQuery({ queryKey: ['supervision', 'open'], queryFn: () => api.get<OpenAgentCases>('/supervision/open-agent-cases') });
  const today = useQuery({ queryKey: ['supervision', 'today'], queryFn: () => api.get<WalkInsToday>('/supervision/walk-ins-today') });
  const queue = useQuery({ queryKey: ['supervision', 'queue'], queryFn: () => api.get<QueueOverview>('/supervision/queue'), refetchInterval: 30_000 });
  const o = open.data;
  const q = queue.data;
  const stuck = q ? q.stuckLetters.length + q.failedLetters.length + q.outbox.refused : 0;

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card sx={{ flex: 1 }} component="section" aria-labelledby="open-title">
          <CardHeader id="open-title" title={translate('madoguchi.dashboard.openAgentCases', { count: o?.total ?? 0 })} />
          <CardContent>
            {o && (
              <>
                <Typography variant="subtitle2" component="h3">
                  {translate('madoguchi.dashboard.byState')}
                </Typography>
                <Bars
                  label={translate('madoguchi.dashboard.byState')}
                  rows={(['received', 'inquiry_mailed', 'reply_returned'] as const).map((s) => ({ label: CASE_STATE.labels[s], count: o.byState[s], to: casesWith({ state: s, route: 'voluntary_agent' }) }))}
                />
                <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
                  {translate('madoguchi.dashboard.byAge')}
                </Typography>
                <Bars label={translate('madoguchi.dashboard.byAge')} rows={o.byAge} />
              </>
            )}
          </CardContent>
        </Card>
        <Card sx={{ flex: 1 }} component="section" aria-labelledby="overdue-title">
          <CardHeader id="overdue-title" title={translate('madoguchi.dashboard.overdue', { count: o?.overdue ?? 0 })} action={<Button component={Link} to={casesWith({ overdue: true })}>{translate('madoguchi.dashboard.showAll')}</Button>} />
          <CardContent>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('madoguchi.cases.receiptNumber')}</TableCell>
                  <TableCell>{translate('madoguchi.cases.holderName')}</TableCell>
                  <TableCell>{translate('madoguchi.dashboard.age')}</TableCell>
                  <TableCell>{translate('madoguchi.cases.replyDeadline')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody data-testid="overdue-cases">
                {(o?.oldest ?? [])
                  .filter((c) => c.overdue)
                  .map((c) => (
                    <TableRow key={c.id}>
                      <TableCell>
                        <Link to={`/cases/${c.id}/show`}>{c.receiptNumber}</Link>
                      </TableCell>
                      <TableCell>{c.holderName}</TableCell>
                      <TableCell>{translate('madoguchi.dashboard.days', { days: c.ageDays })}</TableCell>
                      <TableCell>{c.replyDeadline ? formatJapaneseDate(c.replyDeadline) : '—'}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card sx={{ flex: 1 }} component="section" aria-labelledby="today-title">
          <CardHeader id="today-title" title={translate('madoguchi.dashboard.walkInsToday')} action={<Button component={Link} to={casesWith({ createdFrom: japanDate(new Date()), createdTo: japanDate(new Date()) })}>{translate('madoguchi.dashboard.showAll')}</Button>} />
          <CardContent>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('madoguchi.dashboard.office')}</TableCell>
                  {ROUTE.values.map((r) => (
                    <TableCell key={r} align="right">
                      {ROUTE.labels[r]}
                    </TableCell>
                  ))}
                  <TableCell align="right">{translate('madoguchi.dashboard.total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(today.data?.offices ?? []).map((office) => (
                  <TableRow key={office.officeId}>
                    <TableCell>
                      <Link to={casesWith({ officeId: office.officeId, createdFrom: japanDate(new Date()), createdTo: japanDate(new Date()) })}>{office.officeName}</Link>
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
          </CardContent>
        </Card>
        <Card sx={{ flex: 1 }} component="section" aria-labelledby="queue-title">
          <CardHeader id="queue-title" title={translate('madoguchi.dashboard.letterQueue')} action={<Button component={Link} to="/print-desk">{translate('madoguchi.printDesk.title')}</Button>} />
          <CardContent>
            {q && (
              <Stack spacing={1}>
                {stuck > 0 && <Alert severity="error">{translate('madoguchi.dashboard.stuck', { stuck: q.stuckLetters.length, failed: q.failedLetters.length, refused: q.outbox.refused })}</Alert>}
                {q.queues === null && <Alert severity="warning">{translate('madoguchi.dashboard.queueUnreachable')}</Alert>}
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
          </CardContent>
        </Card>
      </Stack>
    </Stack>
  );
}

/** The first screen: today, shortcuts for the role, the supervisors' overview, and whether the system answers. */
export function Dashboard() {
  const translate = useTranslate();
  const roleIn = useRoleIn();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.title')} />
      <Card>
        <CardHeader title={translate('madoguchi.dashboard.heading')} subheader={formatJapaneseDate(japanDate(new Date()))} />
        <CardContent>
          <Typography sx={{ mb: 2 }}>{translate('madoguchi.dashboard.intro')}</Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
            {roleIn('caseWork') && (
              <Button variant="contained" component={Link} to="/cases/create">
                {translate('madoguchi.cases.register')}
              </Button>
            )}
            {roleIn('counter') && (
              <Button variant="outlined" component={Link} to="/reply-desk">
                {translate('madoguchi.replyDesk.title')}
              </Button>
            )}
            {roleIn('printing') && (
              <Button variant="outlined" component={Link} to="/print-desk">
                {translate('madoguchi.printDesk.title')}
              </Button>
            )}
          </Stack>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {translate('madoguchi.dashboard.system')}
          </Typography>
          <SystemHealth />
        </CardContent>
      </Card>
      {roleIn('supervision') && <Supervision />}
    </Stack>
  );
}
