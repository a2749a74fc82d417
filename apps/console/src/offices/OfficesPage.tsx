import { DEFAULT_POLICY, officeHoursProblems, validatePolicy, type MunicipalityPolicy, type OfficeHours } from '@madoguchi/domain';
import { Alert, Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useOffices, usePolicies, type OfficeView } from '../municipality';
import { useRoleIn } from '../roles';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { Section } from '../Section';
import { japanDateTime } from '../format';

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

/** One office's weekly hours: a row per weekday, closed or open from–to (the domain checks them). */
function HoursEditor({ office }: { office: OfficeView }) {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const client = useQueryClient();
  const editable = useRoleIn()('administration');
  const [hours, setHours] = useState<OfficeHours>(office.hours);
  const problems = officeHoursProblems(hours);
  const setDay = (day: string, times: { opens: string; closes: string } | undefined) => setHours((h) => ({ ...h, weekly: { ...h.weekly, [day]: times } }));

  return (
    <Section id={`office-${office.id}`} gutterBottom={false} title={office.name}>
      <Typography color="text.secondary" gutterBottom>
        〒{office.postalCode} {office.address} ・ {office.phone}
      </Typography>
      <Table size="small">
        <TableBody>
          {WEEKDAYS.map((day) => {
            const times = hours.weekly[day as unknown as keyof OfficeHours['weekly']];
            return (
              <TableRow key={day}>
                <TableCell sx={{ width: 80 }}>{translate(`madoguchi.offices.weekday.${day}`)}</TableCell>
                <TableCell>
                  <FormControlLabel
                    control={<Checkbox checked={!!times} disabled={!editable} onChange={(e) => setDay(day, e.target.checked ? { opens: '08:30', closes: '17:15' } : undefined)} />}
                    label={translate('madoguchi.offices.open')}
                  />
                </TableCell>
                <TableCell>
                  {times && (
                    <Stack direction="row" spacing={1}>
                      <TextField size="small" type="time" label={translate('madoguchi.offices.opens')} value={times.opens} disabled={!editable} onChange={(e) => setDay(day, { ...times, opens: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
                      <TextField size="small" type="time" label={translate('madoguchi.offices.closes')} value={times.closes} disabled={!editable} onChange={(e) => setDay(day, { ...times, closes: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
                    </Stack>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {problems.map((p, i) => (
        <Alert key={i} severity="error" sx={{ mt: 1 }}>
          {p.message}
        </Alert>
      ))}
      {editable && (
        <Button
          sx={{ mt: 1 }}
          variant="contained"
          disabled={problems.length > 0}
          onClick={() => void act(() => api.updateOfficeHours(office.id, hours), 'madoguchi.offices.saved').then(() => client.invalidateQueries({ queryKey: ['offices'] }))}
        >
          {translate('ra.action.save')}
        </Button>
      )}
    </Section>
  );
}

const POLICY_FIELDS: { key: keyof MunicipalityPolicy; kind: 'number' | 'boolean' | 'text' | readonly string[] }[] = [
  { key: 'legalRepresentativeAgeLimit', kind: 'number' },
  { key: 'selfSecondId', kind: ['a_or_b', 'a_only'] },
  { key: 'agentFirstVisitId', kind: ['one_a', 'one_a_or_two_b'] },
  { key: 'agentNeedsPowerOfAttorney', kind: 'boolean' },
  { key: 'agentNeedsCannotAttendProof', kind: 'boolean' },
  { key: 'replyDeadlineDays', kind: 'number' },
  { key: 'representationProofMaxAgeMonths', kind: 'number' },
  { key: 'nationalSystemCutoff', kind: 'text' },
  { key: 'minutesPerReset', kind: 'number' },
];

/** 運用方針: the municipality's policy; an admin's change makes a new version, cases keep theirs. */
function PolicyEditor() {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const client = useQueryClient();
  const editable = useRoleIn()('administration');
  const { data: versions = [] } = usePolicies();
  const current = versions[0];
  const [draft, setDraft] = useState<MunicipalityPolicy>();
  const policy = draft ?? current?.policy ?? DEFAULT_POLICY;
  const check = validatePolicy(policy);
  const set = (key: keyof MunicipalityPolicy, value: unknown) => setDraft({ ...policy, [key]: value });

  return (
    <Section id="policy-title" gutterBottom={false} title={translate('madoguchi.policy.title', { version: current?.version ?? '—' })}>
      <Stack spacing={2} sx={{ mt: 2, maxWidth: 560 }}>
        {POLICY_FIELDS.map(({ key, kind }) => {
          const label = translate(`madoguchi.policy.fields.${key}`);
          if (kind === 'boolean') return <FormControlLabel key={key} control={<Checkbox checked={policy[key] as boolean} disabled={!editable} onChange={(e) => set(key, e.target.checked)} />} label={label} />;
          if (Array.isArray(kind))
            return (
              <TextField key={key} select label={label} value={policy[key]} disabled={!editable} onChange={(e) => set(key, e.target.value)}>
                {kind.map((v) => (
                  <MenuItem key={v} value={v}>
                    {translate(`madoguchi.policy.values.${v}`)}
                  </MenuItem>
                ))}
              </TextField>
            );
          return <TextField key={key} label={label} type={kind === 'number' ? 'number' : 'text'} value={policy[key]} disabled={!editable} onChange={(e) => set(key, kind === 'number' ? Number(e.target.value) : e.target.value)} />;
        })}
      </Stack>
      {!check.ok &&
        check.problems.map((p, i) => (
          <Alert key={i} severity="error" sx={{ mt: 1 }}>
            {translate(`madoguchi.policy.fields.${p.path}`)}: {p.message}
          </Alert>
        ))}
      {editable && (
        <Button
          sx={{ mt: 2 }}
          variant="contained"
          disabled={!draft || !check.ok}
          onClick={() =>
            void act(() => api.changePolicy(policy), 'madoguchi.policy.saved').then(async (ok) => {
              if (!ok) return;
              await client.invalidateQueries({ queryKey: ['policy'] });
              setDraft(undefined);
            })
          }
        >
          {translate('madoguchi.policy.save')}
        </Button>
      )}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 3 }}>
        {translate('madoguchi.policy.history')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('madoguchi.policy.version')}</TableCell>
            <TableCell>{translate('madoguchi.policy.createdAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.map((v) => (
            <TableRow key={v.version}>
              <TableCell>{v.version}</TableCell>
              <TableCell>{japanDateTime(v.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** 窓口と運用方針: the offices with their hours, and the municipality's policy. */
export function OfficesPage() {
  const translate = useTranslate();
  const { data: offices = [] } = useOffices();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.offices.title')} />
      <Box>
        <PolicyEditor />
      </Box>
      {offices.map((office) => (
        <HoursEditor key={office.id} office={office} />
      ))}
    </Stack>
  );
}
