import { checkArrival, japanTime, PIN, PRESENTER } from '@madoguchi/domain';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { currentSession } from '../../authProvider';
import { Checklist } from '../../documents/Checklist';
import { PanelBoundary } from '../../errors/PanelBoundary';
import { useWording } from '../../i18n/wording';
import { useOffices, usePolicy } from '../../municipality';
import type { RegistrationState } from './useRegistrationForm';

/** The late-arrival warning: the office's hours and the national system's cut-off, now. */
function Arrival({ today }: { today: string }) {
  const wording = useWording();
  const policy = usePolicy();
  const { data: offices } = useOffices();
  const office = offices?.find((o) => o.id === currentSession()?.user.officeId);
  const arrival = office && policy ? checkArrival(office.hours, today, japanTime(new Date()), policy) : undefined;
  if (!arrival?.problem) return null;
  return (
    <Alert severity={arrival.open ? 'warning' : 'error'} data-testid="arrival-warning">
      {wording.refusal(arrival.problem)}
    </Alert>
  );
}

/** The checklist of both visits, with one-click documents. */
function Checklists({ state }: { state: RegistrationState }) {
  const translate = useTranslate();
  const wording = useWording();
  const { answer, rulesError, addDocument, attest } = state;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('madoguchi.register.checklist')}
        </Typography>
        {rulesError && (
          <Alert severity="error" data-testid="rules-failed">
            {translate('madoguchi.register.rulesFailed')}
            {wording.aside(rulesError.message)}
          </Alert>
        )}
        {!answer && !rulesError && <Typography color="text.secondary">{translate('madoguchi.register.checklistWaits')}</Typography>}
        {answer?.visits.map((v) => (
          <Box key={v.visit}>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
              {translate(v.visit === 1 ? 'madoguchi.register.visit1' : 'madoguchi.register.visit2')}
            </Typography>
            {v.visit === 1 ? (
              <Checklist lines={v.checklist} label={translate('madoguchi.register.visit1')} onAdd={addDocument} onAttest={attest} />
            ) : (
              <Checklist lines={v.checklist.map((l) => ({ ...l, missing: undefined }))} label={translate('madoguchi.register.visit2')} />
            )}
          </Box>
        ))}
        {answer?.pins
          .filter((p) => p.steps.length > 1)
          .map((p) => (
            <Alert key={p.pin} severity="info" data-testid={`steps-${p.pin}`} sx={{ mt: 1 }}>
              {translate('madoguchi.register.pinSteps', { pin: wording.label(PIN, p.pin) })}
              <ol style={{ margin: 0, paddingInlineStart: '1.5em' }}>
                {p.steps.map((step, i) => (
                  <li key={i}>{wording.text(step)}</li>
                ))}
              </ol>
            </Alert>
          ))}
        {answer && !answer.completesSameDay && <Alert severity="info">{translate('madoguchi.register.twoVisits')}</Alert>}
      </CardContent>
    </Card>
  );
}

/**
 * 案内: beside the form, what the rules say now: the late-arrival warning, the checklists, the
 * convenience-store alternative, and what stops registration. Each part fails on its own.
 */
export function GuidancePanel({ state }: { state: RegistrationState }) {
  const translate = useTranslate();
  const wording = useWording();
  const { answer } = state;
  const otherProblems = answer?.problems.filter((p) => !p.path?.startsWith('documents.')) ?? [];
  return (
    <Box component="aside" aria-label={translate('madoguchi.register.guidance')} sx={{ flex: 1, width: '100%', position: { lg: 'sticky' }, top: { lg: 72 } }}>
      <Stack spacing={2}>
        <PanelBoundary name="arrival">
          <Arrival today={state.today} />
        </PanelBoundary>
        <PanelBoundary name="checklist">
          <Checklists state={state} />
        </PanelBoundary>
        <PanelBoundary name="guidance">
          {answer?.alternatives.map((a) => (
            <Alert key={a.code} severity="info" data-testid="store-alternative">
              <Typography variant="subtitle2" component="p">
                {translate('madoguchi.register.alternative')}
              </Typography>
              {wording.text(a.message)}
            </Alert>
          ))}
          {otherProblems.length > 0 && (
            <Alert severity="warning">
              {otherProblems.map((p, i) => (
                <Typography key={i}>{wording.refusal(p)}</Typography>
              ))}
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary">
            {translate('madoguchi.register.presenters', {
              holder: wording.label(PRESENTER, 'holder'),
              representative: wording.label(PRESENTER, 'representative'),
            })}
          </Typography>
        </PanelBoundary>
      </Stack>
    </Box>
  );
}
