import {
  DEFAULT_POLICY,
  formatDate,
  japanDate,
  officeHoursRefusals,
  readDate,
  validatePolicy,
  type MunicipalityPolicy,
  type NationalSystemClosure,
  type NthWeekdayClosure,
  type OfficeHours,
  type OpeningTimes,
} from '@madoguchi/domain';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useOffices, usePolicies, type OfficeView } from '../municipality';
import { useMayTake } from '../roles';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { Section } from '../Section';
import { DateTimeText } from '../dates/DateText';
import { JapaneseDateInput } from '../dates/JapaneseDateInput';
import { useWording } from '../i18n/wording';

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

/** A time of day (HH:MM) in the browser's time picker. */
function TimeField({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (time: string) => void }) {
  return (
    <TextField
      size="small"
      type="time"
      label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

/** The exceptions to an office's week: a weekday closed in a given week of the month (第3日曜日), and single closed days. */
function ClosedDaysEditor({ hours, editable, onChange }: { hours: OfficeHours; editable: boolean; onChange: (hours: OfficeHours) => void }) {
  const translate = useTranslate();
  const nth = hours.closedNthWeekdays ?? [];
  const dates = hours.closedDates ?? [];
  const setNth = (next: NthWeekdayClosure[]) => onChange({ ...hours, closedNthWeekdays: next });
  const setDates = (next: string[]) => onChange({ ...hours, closedDates: next });
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {translate('madoguchi.offices.exceptions')}
      </Typography>
      {nth.map((c, i) => (
        <Stack key={`nth-${i}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label={translate('madoguchi.offices.nth')}
            value={c.nth}
            disabled={!editable}
            onChange={(e) => setNth(nth.map((x, j) => (j === i ? { ...x, nth: Number(e.target.value) } : x)))}
            sx={{ minWidth: 110 }}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <MenuItem key={n} value={n}>
                {translate('madoguchi.offices.nthValue', { n })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('madoguchi.offices.weekdayLabel')}
            value={c.weekday}
            disabled={!editable}
            onChange={(e) => setNth(nth.map((x, j) => (j === i ? { ...x, weekday: Number(e.target.value) } : x)))}
            sx={{ minWidth: 110 }}
          >
            {WEEKDAYS.map((d) => (
              <MenuItem key={d} value={Number(d)}>
                {translate(`madoguchi.offices.weekday.${d}`)}
              </MenuItem>
            ))}
          </TextField>
          {editable && (
            <IconButton aria-label={translate('madoguchi.offices.removeException', { n: i + 1 })} onClick={() => setNth(nth.filter((_, j) => j !== i))}>
              <DeleteIcon />
            </IconButton>
          )}
        </Stack>
      ))}
      {dates.map((d, i) => (
        <Stack key={`date-${i}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <PolicyDateField
            id={`closed-date-${i}`}
            label={translate('madoguchi.offices.closedDate')}
            value={d}
            disabled={!editable}
            onChange={(v) => setDates(dates.map((x, j) => (j === i ? v : x)))}
          />
          {editable && (
            <IconButton aria-label={translate('madoguchi.offices.removeClosedDate', { n: i + 1 })} onClick={() => setDates(dates.filter((_, j) => j !== i))}>
              <DeleteIcon />
            </IconButton>
          )}
        </Stack>
      ))}
      {editable && (
        <Stack direction="row" spacing={1}>
          <Button startIcon={<AddIcon />} onClick={() => setNth([...nth, { weekday: 0, nth: 3 }])}>
            {translate('madoguchi.offices.addNth')}
          </Button>
          <Button startIcon={<AddIcon />} onClick={() => setDates([...dates, japanDate(new Date())])}>
            {translate('madoguchi.offices.addClosedDate')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

/** One office's weekly hours: a row per weekday, closed or open from–to (the domain checks them). */
function HoursEditor({ office }: { office: OfficeView }) {
  const translate = useTranslate();
  const wording = useWording();
  const act = useAction();
  const api = useApi();
  const client = useQueryClient();
  const editable = useMayTake()('changeOfficeHours');
  const [hours, setHours] = useState<OfficeHours>(office.hours);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const problems = officeHoursRefusals(hours);
  const setDay = (day: string, times: OpeningTimes | undefined) => setHours((h) => ({ ...h, weekly: { ...h.weekly, [day]: times } }));

  return (
    <Section id={`office-${office.id}`} gutterBottom={false} title={office.name}>
      <Typography color="text.secondary" gutterBottom>
        〒{office.postalCode} {office.address}
        {wording.dot}
        {office.phone}
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
                    control={
                      <Checkbox
                        checked={!!times}
                        disabled={!editable}
                        onChange={(e) => setDay(day, e.target.checked ? { opens: '08:30', closes: '17:15' } : undefined)}
                      />
                    }
                    label={translate('madoguchi.offices.open')}
                  />
                </TableCell>
                <TableCell>
                  {times && (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <TimeField
                        label={translate('madoguchi.offices.opens')}
                        value={times.opens}
                        disabled={!editable}
                        onChange={(v) => setDay(day, { ...times, opens: v })}
                      />
                      <TimeField
                        label={translate('madoguchi.offices.closes')}
                        value={times.closes}
                        disabled={!editable}
                        onChange={(v) => setDay(day, { ...times, closes: v })}
                      />
                      <FormControlLabel
                        control={
                          <Checkbox
                            id={`lunch-${office.id}-${day}`}
                            checked={!!times.lunch}
                            disabled={!editable}
                            onChange={(e) => {
                              const { lunch: _gone, ...rest } = times;
                              setDay(day, e.target.checked ? { ...rest, lunch: { from: '12:00', to: '13:00' } } : rest);
                            }}
                          />
                        }
                        label={translate('madoguchi.offices.lunch')}
                      />
                      {times.lunch && (
                        <>
                          <TimeField
                            label={translate('madoguchi.offices.lunchFrom')}
                            value={times.lunch.from}
                            disabled={!editable}
                            onChange={(v) => setDay(day, { ...times, lunch: { ...times.lunch!, from: v } })}
                          />
                          <TimeField
                            label={translate('madoguchi.offices.lunchTo')}
                            value={times.lunch.to}
                            disabled={!editable}
                            onChange={(v) => setDay(day, { ...times, lunch: { ...times.lunch!, to: v } })}
                          />
                        </>
                      )}
                    </Stack>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ClosedDaysEditor hours={hours} editable={editable} onChange={setHours} />
      {problems.map((p, i) => (
        <Alert key={i} severity="error" sx={{ mt: 1 }}>
          {wording.refusal(p)}
        </Alert>
      ))}
      {Object.entries(refused).map(([path, message]) => (
        <Alert key={path} severity="error" sx={{ mt: 1 }} data-testid={`refused-${path}`}>
          {translate(`madoguchi.offices.weekday.${path.split('.')[2] ?? ''}`, { _: path })}: {message}
        </Alert>
      ))}
      {editable && (
        <Button
          sx={{ mt: 1 }}
          variant="contained"
          disabled={problems.length > 0}
          onClick={() =>
            void act(() => api.updateOfficeHours(office.id, hours), 'madoguchi.offices.saved', { onRefused: setRefused }).then((ok) => {
              if (!ok) return;
              setRefused({});
              return client.invalidateQueries({ queryKey: ['offices'] });
            })
          }
        >
          {translate('ra.action.save')}
        </Button>
      )}
    </Section>
  );
}

const POLICY_FIELDS: { key: keyof MunicipalityPolicy; kind: 'number' | 'boolean' | 'text' | 'date' | 'closures' | readonly string[] }[] = [
  { key: 'legalRepresentativeAgeLimit', kind: 'number' },
  { key: 'selfSecondId', kind: ['a_or_b', 'a_only', 'none'] },
  { key: 'legalRepresentativeHolderSecondId', kind: ['a_or_b', 'none'] },
  { key: 'parentProof', kind: ['family_register', 'none'] },
  { key: 'parentProofWaiver', kind: ['household_or_register_in_city', 'household_same_register_or_register_in_city', 'never'] },
  { key: 'legalRepresentativeIds', kind: ['two_one_a', 'one_a'] },
  { key: 'representativeIdsShowCurrentAddress', kind: 'boolean' },
  { key: 'agentFirstVisitId', kind: ['one_a', 'one_a_or_two_b', 'any_one'] },
  { key: 'agentNeedsPowerOfAttorney', kind: 'boolean' },
  { key: 'agentNeedsCannotAttendProof', kind: 'boolean' },
  { key: 'replyDeadlineDays', kind: 'number' },
  { key: 'repliesAtRegisteringOffice', kind: 'boolean' },
  { key: 'representationProofMaxAgeMonths', kind: 'number' },
  { key: 'healthInsuranceCardLastDay', kind: 'date' },
  { key: 'nationalSystemCutoff', kind: 'text' },
  { key: 'minutesPerReset', kind: 'number' },
  { key: 'nationalSystemClosures', kind: 'closures' },
  { key: 'residentRegister', kind: ['manual', 'required'] },
  { key: 'letterIssuer', kind: 'text' },
  { key: 'documentNumberFormat', kind: 'text' },
  { key: 'lapseGraceDays', kind: 'number' },
  { key: 'dailySweepAt', kind: 'text' },
  { key: 'postageYen', kind: 'number' },
  { key: 'postagePayment', kind: ['deferred', 'stamps'] },
  { key: 'completionNotice', kind: 'boolean' },
  { key: 'completionNoticeNumberFormat', kind: 'text' },
  { key: 'pdfRetentionDays', kind: 'number' },
];

/** A policy date typed as Japan writes it; the policy holds it as YYYY-MM-DD once it reads as a date. */
function PolicyDateField({
  id,
  label,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  const [typed, setTyped] = useState<string>();
  if (disabled) return <TextField id={id} label={label} value={formatDate(value, 'ja')} disabled />;
  return (
    <JapaneseDateInput
      id={id}
      label={label}
      value={typed ?? value}
      onChange={(next) => {
        setTyped(next);
        const reading = readDate(next);
        onChange(reading.state === 'date' ? reading.date : next);
      }}
    />
  );
}

/** 国のシステムの停止: the closures announced by the national system's operator, a row each (a day, or from–to). */
function ClosuresEditor({
  label,
  closures,
  disabled,
  onChange,
}: {
  label: string;
  closures: NationalSystemClosure[];
  disabled: boolean;
  onChange: (closures: NationalSystemClosure[]) => void;
}) {
  const translate = useTranslate();
  const update = (i: number, c: NationalSystemClosure) => onChange(closures.map((x, j) => (j === i ? c : x)));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="body2" color="text.secondary" gutterBottom>
        {label}
      </Typography>
      <Stack spacing={1}>
        {closures.map((c, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <PolicyDateField
              id={`closure-date-${i}`}
              label={translate('madoguchi.policy.closureDate')}
              value={c.date}
              disabled={disabled}
              onChange={(date) => update(i, { ...c, date })}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={c.from === undefined}
                  disabled={disabled}
                  onChange={(e) => update(i, e.target.checked ? { date: c.date } : { date: c.date, from: '17:00', to: '21:00' })}
                />
              }
              label={translate('madoguchi.policy.closureAllDay')}
            />
            {c.from !== undefined && (
              <>
                <TimeField
                  label={translate('madoguchi.policy.closureFrom')}
                  value={c.from}
                  disabled={disabled}
                  onChange={(v) => update(i, { ...c, from: v })}
                />
                <TimeField
                  label={translate('madoguchi.policy.closureTo')}
                  value={c.to ?? ''}
                  disabled={disabled}
                  onChange={(v) => update(i, { ...c, to: v })}
                />
              </>
            )}
            {!disabled && (
              <IconButton aria-label={translate('madoguchi.policy.closureRemove', { n: i + 1 })} onClick={() => onChange(closures.filter((_, j) => j !== i))}>
                <DeleteIcon />
              </IconButton>
            )}
          </Stack>
        ))}
        {!disabled && (
          <div>
            <Button startIcon={<AddIcon />} onClick={() => onChange([...closures, { date: japanDate(new Date()) }])}>
              {translate('madoguchi.policy.closureAdd')}
            </Button>
          </div>
        )}
      </Stack>
    </Box>
  );
}

/** 見本: the four cities' presets; loading one fills the form, saving it is the admin's own act. */
function PresetPicker({ onLoad }: { onLoad: (policy: MunicipalityPolicy) => void }) {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const { data: presets = [] } = useQuery({ queryKey: ['policy-presets'], queryFn: () => api.policyPresets(), staleTime: Infinity });
  const [chosen, setChosen] = useState<string>('');
  const preset = presets.find((p) => p.id === chosen);
  return (
    <Stack spacing={1} sx={{ mt: 2, maxWidth: 560 }}>
      <TextField
        select
        id="policy-preset"
        label={translate('madoguchi.policy.presets')}
        value={chosen}
        onChange={(e) => {
          const next = presets.find((p) => p.id === e.target.value);
          setChosen(e.target.value);
          if (next) onLoad({ ...next.policy });
        }}
      >
        {presets.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {wording.text(p.city)}
          </MenuItem>
        ))}
      </TextField>
      {preset && (
        <Alert severity="info" data-testid="policy-preset-loaded">
          {translate('madoguchi.policy.presetLoaded', { city: wording.text(preset.city) })} {wording.text(preset.summary)}
          <br />
          {translate('madoguchi.policy.presetSource', { title: preset.source.title, seed: preset.source.seed })}
        </Alert>
      )}
    </Stack>
  );
}

/** 運用方針: the municipality's policy; an admin's change makes a new version, cases keep theirs. */
function PolicyEditor() {
  const translate = useTranslate();
  const wording = useWording();
  const act = useAction();
  const api = useApi();
  const client = useQueryClient();
  const editable = useMayTake()('changePolicy');
  const { data: versions = [] } = usePolicies();
  const current = versions[0];
  const [draft, setDraft] = useState<MunicipalityPolicy>();
  const [refused, setRefused] = useState<Record<string, string>>({});
  const policy = draft ?? current?.policy ?? DEFAULT_POLICY;
  const check = validatePolicy(policy);
  const set = (key: keyof MunicipalityPolicy, value: unknown) => {
    setDraft({ ...policy, [key]: value });
    setRefused(({ [key]: _gone, ...rest }) => rest);
  };
  const fieldProps = (key: keyof MunicipalityPolicy) => (refused[key] ? { error: true, helperText: refused[key] } : {});

  return (
    <Section id="policy-title" gutterBottom={false} title={translate('madoguchi.policy.title', { version: current?.version ?? '—' })}>
      {editable && <PresetPicker onLoad={(preset) => setDraft(preset)} />}
      <Stack spacing={2} sx={{ mt: 2, maxWidth: 560 }}>
        {POLICY_FIELDS.map(({ key, kind }) => {
          const label = translate(`madoguchi.policy.fields.${key}`);
          if (kind === 'boolean')
            return (
              <FormControlLabel
                key={key}
                control={<Checkbox checked={policy[key] as boolean} disabled={!editable} onChange={(e) => set(key, e.target.checked)} />}
                label={label}
              />
            );
          if (kind === 'closures')
            return <ClosuresEditor key={key} label={label} closures={policy.nationalSystemClosures} disabled={!editable} onChange={(v) => set(key, v)} />;
          if (kind === 'date')
            return (
              <PolicyDateField key={key} id={`policy-${key}`} label={label} value={String(policy[key])} disabled={!editable} onChange={(v) => set(key, v)} />
            );
          if (Array.isArray(kind))
            return (
              <TextField
                key={key}
                select
                label={label}
                value={policy[key]}
                disabled={!editable}
                onChange={(e) => set(key, e.target.value)}
                {...fieldProps(key)}
              >
                {kind.map((v) => (
                  <MenuItem key={v} value={v}>
                    {translate(`madoguchi.policy.values.${v}`)}
                  </MenuItem>
                ))}
              </TextField>
            );
          return (
            <TextField
              key={key}
              id={`policy-${key}`}
              label={label}
              type={kind === 'number' ? 'number' : 'text'}
              value={policy[key]}
              disabled={!editable}
              onChange={(e) => set(key, kind === 'number' ? Number(e.target.value) : e.target.value)}
              {...fieldProps(key)}
            />
          );
        })}
      </Stack>
      {!check.ok &&
        check.problems.map((p, i) => (
          <Alert key={i} severity="error" sx={{ mt: 1 }}>
            {translate(`madoguchi.policy.fields.${p.path}`)}: {wording.refusal(p)}
          </Alert>
        ))}
      {editable && (
        <Button
          sx={{ mt: 2 }}
          variant="contained"
          disabled={!draft || !check.ok}
          onClick={() =>
            void act(() => api.changePolicy(policy, current?.version), 'madoguchi.policy.saved', { onRefused: setRefused }).then(async (ok) => {
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
              <TableCell>
                <DateTimeText at={v.createdAt} />
              </TableCell>
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
