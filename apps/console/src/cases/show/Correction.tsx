import { formatJapaneseDate, isTerminal, REPRESENTATIVE_KIND } from '@madoguchi/domain';
import type { CaseView, CorrectCaseBody, PartyView } from '@madoguchi/contract';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { isoOf, JapaneseDateInput } from '../../dates/JapaneseDateInput';
import { useWording } from '../../i18n/wording';
import { usePolicy } from '../../municipality';
import { useMayTake } from '../../roles';
import { useAction } from '../../useAction';
import { useApi } from '../../useApi';
import { NO_ONE, type Person } from '../registration/form';
import { PersonFields } from '../registration/PersonFields';
import { ResidentLookup } from '../registration/ResidentLookup';

const PERSON_FIELDS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'postalCode', 'address'] as const;

const personOf = (p: PartyView): Person => Object.fromEntries(PERSON_FIELDS.map((f) => [f, p[f] ?? ''])) as unknown as Person;

/** The fields of `after` that differ from what the case records (trimmed, as the API reads them). */
function changed(before: PartyView, after: Person): Partial<Person> {
  return Object.fromEntries(PERSON_FIELDS.filter((f) => after[f].trim() !== (before[f] ?? '')).map((f) => [f, after[f].trim()]));
}

interface CorrectionForm {
  holder: Person;
  holderBirthDate: string;
  /** The holder as picked again from the resident register ('' when not). */
  residentId: string;
  representative: Person;
  agentBirthDate: string;
  note: string;
  addressChecked: boolean;
}

/** The form as the case stands; dates as the counter writes them (昭和55年1月1日), which the date fields read back. */
function formOf(record: CaseView): CorrectionForm {
  return {
    holder: personOf(record.holder),
    holderBirthDate: formatJapaneseDate(record.holder.birthDate),
    residentId: '',
    representative: record.representative ? personOf(record.representative) : NO_ONE,
    agentBirthDate: record.representative?.birthDate ? formatJapaneseDate(record.representative.birthDate) : '',
    note: record.note ?? '',
    addressChecked: false,
  };
}

/** Whether this member of staff may correct the case now (the API decides again). */
export function useMayCorrect(record: CaseView): boolean {
  const mayTake = useMayTake();
  if (isTerminal(record.state) || !mayTake('correctCase')) return false;
  return record.state === 'received' || mayTake('correctMailedCase');
}

/**
 * 訂正: what was typed wrong at the counter, put right. Only the fields changed are sent; the
 * history keeps each one's old and new value. Where the city's register decides the holder, the
 * holder is looked up again instead of typed.
 */
export function Correction({ record }: { record: CaseView }) {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const act = useAction();
  const policy = usePolicy(record.policyVersion);
  const [form, setForm] = useState<CorrectionForm>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mayCorrect = useMayCorrect(record);
  if (!mayCorrect) return null;

  const agentRoute = record.route === 'voluntary_agent';
  const fromRegister = agentRoute && policy?.residentRegister === 'required';
  const mailed = record.state !== 'received';
  const set = (patch: Partial<CorrectionForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  function body(f: CorrectionForm): CorrectCaseBody | undefined {
    const out: CorrectCaseBody = { version: record.version };
    const holderBirth = isoOf(f.holderBirthDate, 'birth');
    if (f.residentId) out.holder = { residentId: f.residentId };
    else {
      const holder: NonNullable<CorrectCaseBody['holder']> = changed(record.holder, f.holder);
      if (holderBirth && holderBirth !== record.holder.birthDate) holder.birthDate = holderBirth;
      if (Object.keys(holder).length) out.holder = holder;
    }
    if (record.representative) {
      const representative: NonNullable<CorrectCaseBody['representative']> = changed(record.representative, f.representative);
      const agentBirth = isoOf(f.agentBirthDate, 'birth');
      if (agentBirth && agentBirth !== record.representative.birthDate) representative.birthDate = agentBirth;
      if (Object.keys(representative).length) out.representative = representative;
    }
    if (f.note.trim() !== (record.note ?? '')) out.note = f.note.trim() || null;
    if (f.addressChecked) out.attested = ['holder_address_checked'];
    return out.holder || out.representative || out.note !== undefined ? out : undefined;
  }

  const request = form && body(form);
  const addressTyped = !!request?.holder && ('address' in request.holder || 'postalCode' in request.holder);
  const fieldError = (path: string) => fieldErrors[path];

  async function submit() {
    if (!request) return;
    const ok = await act(() => api.correctCase(record.id, request), 'madoguchi.case.corrected', { onRefused: setFieldErrors });
    if (ok) setForm(undefined);
  }

  return (
    <>
      <Button
        id="action-correct"
        onClick={() => {
          setFieldErrors({});
          setForm(formOf(record));
        }}
      >
        {translate('madoguchi.case.correct')}
      </Button>
      <Dialog open={!!form} onClose={() => setForm(undefined)} aria-labelledby="correct-title" fullWidth maxWidth="md">
        <DialogTitle id="correct-title">{translate('madoguchi.case.correctTitle')}</DialogTitle>
        {form && (
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>{translate('madoguchi.case.correctText')}</DialogContentText>
            {agentRoute && (
              <Alert severity={mailed ? 'warning' : 'info'} sx={{ mb: 2 }}>
                {translate(mailed ? 'madoguchi.case.correctMailed' : 'madoguchi.case.correctLetter')}
              </Alert>
            )}
            <Stack spacing={2}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                {translate('madoguchi.register.holder')}
              </Typography>
              {fromRegister ? (
                <>
                  <Typography variant="body2" color="text.secondary">
                    {translate('madoguchi.case.correctFromRegister')}
                  </Typography>
                  <ResidentLookup
                    familyNameKana={record.holder.familyNameKana}
                    givenNameKana={record.holder.givenNameKana}
                    birthDate={record.holder.birthDate}
                    picked={form.residentId}
                    onPick={(r) => set({ residentId: r.residentId })}
                    onUnpick={() => set({ residentId: '' })}
                  />
                </>
              ) : (
                <>
                  <PersonFields who="holder" person={form.holder} onChange={(patch) => set({ holder: { ...form.holder, ...patch } })} fieldError={fieldError} />
                  <JapaneseDateInput
                    id="correct-holder-birthDate"
                    label={translate('madoguchi.register.birthDate')}
                    value={form.holderBirthDate}
                    onChange={(typed) => set({ holderBirthDate: typed })}
                    purpose="birth"
                    required
                    serverError={fieldError('holder.birthDate')}
                  />
                  {agentRoute && addressTyped && (
                    <FormControlLabel
                      control={
                        <Checkbox id="correct-address-checked" checked={form.addressChecked} onChange={(e) => set({ addressChecked: e.target.checked })} />
                      }
                      label={translate('madoguchi.case.addressChecked')}
                    />
                  )}
                  {fieldError('attested') && <Alert severity="error">{fieldError('attested')}</Alert>}
                </>
              )}
              {record.representative && (
                <>
                  <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                    {wording.label(REPRESENTATIVE_KIND, record.representative.kind)}
                  </Typography>
                  <PersonFields
                    who="representative"
                    person={form.representative}
                    onChange={(patch) => set({ representative: { ...form.representative, ...patch } })}
                    fieldError={fieldError}
                  />
                  {record.representative.kind === 'agent' && (
                    <JapaneseDateInput
                      id="correct-agent-birthDate"
                      label={translate('madoguchi.register.agentBirthDate')}
                      value={form.agentBirthDate}
                      onChange={(typed) => set({ agentBirthDate: typed })}
                      purpose="birth"
                      serverError={fieldError('representative.birthDate')}
                    />
                  )}
                </>
              )}
              <TextField
                id="correct-note"
                label={translate('madoguchi.register.note')}
                helperText={fieldError('note') ?? translate('madoguchi.register.noteHelp')}
                error={!!fieldError('note')}
                value={form.note}
                onChange={(e) => set({ note: e.target.value })}
                slotProps={{ htmlInput: { maxLength: 500 } }}
                fullWidth
              />
            </Stack>
          </DialogContent>
        )}
        <DialogActions>
          {!request && form && (
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
              {translate('madoguchi.case.correctNothing')}
            </Typography>
          )}
          <Button onClick={() => setForm(undefined)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" id="confirm-correct" disabled={!request} onClick={() => void submit()}>
            {translate('madoguchi.case.correctSubmit')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
