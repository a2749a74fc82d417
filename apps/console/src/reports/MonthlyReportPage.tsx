import { addMonths, formatJapaneseMonth, japanDate, PIN, RESET_REASON, ROUTE, type Route } from '@madoguchi/domain';
import { Alert, Box, Button, GlobalStyles, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useWording } from '../i18n/wording';
import { useOffices } from '../municipality';
import { Section } from '../Section';
import { messageOf } from '../useAction';
import { useApi } from '../useApi';

const ROUTES: readonly Route[] = ROUTE.values;

/** A titled table of label → number rows. */
function Figures({ id, title, rows }: { id: string; title: string; rows: readonly [string, number | string][] }) {
  return (
    <Section id={id} title={title} gutterBottom={false}>
      <Table size="small" aria-labelledby={id}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                {value}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/**
 * 月報: a month of the counter for the section chief — the figures, cases per day by route, and how
 * long agent cases took — titled with the 和暦 month, and printable on one A4 page from the browser.
 */
export function MonthlyReportPage() {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const { data: offices } = useOffices();
  const thisMonth = japanDate(new Date()).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  // 'all': the whole municipality (a select shows a chosen item, never an empty one).
  const [officeId, setOfficeId] = useState('all');
  const { data: r, error } = useQuery({
    queryKey: ['report', month, officeId],
    queryFn: () => api.monthlyReport(month, officeId === 'all' ? undefined : officeId),
  });
  const step = (months: number) => setMonth(addMonths(`${month}-01`, months).slice(0, 7));
  const byRoute = (counts: Record<Route, number>) => ROUTES.map((route) => [wording.label(ROUTE, route), counts[route]] as [string, number]);
  const days = (n: number | null) => (n === null ? '—' : translate('madoguchi.reports.days', { days: Math.round(n * 10) / 10 }));

  return (
    <Stack spacing={2} sx={{ mt: 2 }} className="monthly-report">
      {/* On paper: the report alone, on one A4 page. */}
      <GlobalStyles
        styles={{
          '@media print': {
            '@page': { size: 'A4', margin: '12mm' },
            'header, nav, .MuiDrawer-root, .RaSidebar-root, .no-print': { display: 'none !important' },
            // A page is narrower than the screen's breakpoint: keep the figures side by side.
            '.report-row': { flexDirection: 'row !important' },
            '.monthly-report': { zoom: 0.7 },
          },
        }}
      />
      <Title title={translate('madoguchi.reports.title', { month: formatJapaneseMonth(month) })} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" data-testid="report-title">
          {translate('madoguchi.reports.title', { month: formatJapaneseMonth(month) })}
        </Typography>
        <Box className="no-print" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button id="report-previous" onClick={() => step(-1)}>
            {translate('madoguchi.reports.previous')}
          </Button>
          <Button id="report-next" disabled={month >= thisMonth} onClick={() => step(1)}>
            {translate('madoguchi.reports.next')}
          </Button>
          <TextField
            select
            size="small"
            id="report-office"
            label={translate('madoguchi.cases.office')}
            value={officeId}
            onChange={(e) => setOfficeId(e.target.value)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="all">{translate('madoguchi.reports.allOffices')}</MenuItem>
            {(offices ?? []).map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.name}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" onClick={() => window.print()}>
            {translate('madoguchi.reports.print')}
          </Button>
        </Box>
      </Stack>
      {error && <Alert severity="error">{messageOf(error)}</Alert>}
      {r && (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap className="report-row">
            <Box sx={{ flex: 1 }}>
              <Figures id="report-received" title={translate('madoguchi.reports.received', { count: r.received.total })} rows={byRoute(r.received.byRoute)} />
            </Box>
            <Box sx={{ flex: 1 }}>
              <Figures
                id="report-completed"
                title={translate('madoguchi.reports.completed', { count: r.completed.total })}
                rows={byRoute(r.completed.byRoute)}
              />
            </Box>
            <Box sx={{ flex: 1 }}>
              <Figures
                id="report-cancelled"
                title={translate('madoguchi.reports.cancelled', { count: r.cancelled.total })}
                rows={byRoute(r.cancelled.byRoute)}
              />
            </Box>
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap className="report-row">
            <Box sx={{ flex: 1 }}>
              <Figures
                id="report-agent"
                title={translate('madoguchi.reports.agent')}
                rows={[
                  [translate('madoguchi.reports.lettersMailed'), r.agent.lettersMailed],
                  [translate('madoguchi.reports.repliesReturned'), r.agent.repliesReturned],
                  [translate('madoguchi.reports.agentCompleted'), r.agent.completed],
                  [translate('madoguchi.reports.averageDays'), days(r.agent.averageDaysToCompletion)],
                  [translate('madoguchi.reports.p90Days'), days(r.agent.p90DaysToCompletion)],
                  [translate('madoguchi.reports.overdue'), r.agent.overdueAtMonthEnd],
                  [translate('madoguchi.reports.lapsed'), r.agent.lapsed],
                  [translate('madoguchi.reports.returned'), r.agent.returnedUndelivered],
                  [translate('madoguchi.reports.reissues'), r.agent.reissues],
                ]}
              />
            </Box>
            <Box sx={{ flex: 1 }}>
              <Figures
                id="report-pins"
                title={translate('madoguchi.reports.byPin')}
                rows={[
                  ...PIN.values.map((p) => [wording.label(PIN, p), r.received.byPin[p]] as [string, number]),
                  ...RESET_REASON.values.map((x) => [wording.label(RESET_REASON, x), r.received.byReason[x]] as [string, number]),
                ]}
              />
            </Box>
            <Box sx={{ flex: 1 }}>
              <Figures
                id="report-offices"
                title={translate('madoguchi.reports.byOffice')}
                rows={r.received.byOffice.map((o, i) => [
                  o.officeName,
                  translate('madoguchi.reports.officeCounts', {
                    received: o.count,
                    completed: r.completed.byOffice[i]?.count ?? 0,
                    cancelled: r.cancelled.byOffice[i]?.count ?? 0,
                  }),
                ])}
              />
            </Box>
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap className="report-row">
            <Box sx={{ flex: 3 }}>
              <Section id="report-per-day" title={translate('madoguchi.reports.perDay')}>
                <LineChart
                  skipAnimation
                  height={260}
                  xAxis={[{ scaleType: 'point', data: r.perDay.map((d) => Number(d.day.slice(8))) }]}
                  series={ROUTES.map((route) => ({ data: r.perDay.map((d) => d[route]), label: wording.label(ROUTE, route), curve: 'linear' as const }))}
                />
              </Section>
            </Box>
            <Box sx={{ flex: 2 }}>
              <Section id="report-days" title={translate('madoguchi.reports.daysHistogram')}>
                {r.daysToCompletion.length === 0 ? (
                  <Typography color="text.secondary">{translate('madoguchi.reports.none')}</Typography>
                ) : (
                  <BarChart
                    skipAnimation
                    height={260}
                    xAxis={[{ scaleType: 'band', data: r.daysToCompletion.map((d) => translate('madoguchi.reports.days', { days: d.days })) }]}
                    series={[{ data: r.daysToCompletion.map((d) => d.count), label: translate('madoguchi.reports.cases') }]}
                  />
                )}
              </Section>
            </Box>
          </Stack>
        </>
      )}
    </Stack>
  );
}
