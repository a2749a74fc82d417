import {
  answerRequirements,
  checkArrival,
  isIsoDate,
  japanDate,
  japanTime,
  katakanaOf,
  PIN,
  PRESENTER,
  REPRESENTATIVE_KIND,
  RESET_REASON,
  ROUTE,
  type Pin,
  type Presenter,
  type RepresentativeKind,
  type ResetReason,
  type Route,
} from '@madoguchi/domain';
import { Alert, Box, Button, Card, CardContent, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { HttpError, Title, useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { currentSession } from '../authProvider';
import { Checklist } from '../documents/Checklist';
import { DocumentsEditor, toPresented, type DocumentRow } from '../documents/DocumentsEditor';
import { useOffices, usePolicy } from '../municipality';
import { messageOf } from '../useAction';
import { useApi } from '../useApi';
import { Section } from '../Section';

interface Person {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  postalCode: string;
  address: string;
}

interface RegistrationForm {
  route: Route;
  kind: RepresentativeKind;
  reason: ResetReason;
  pins: Pin[];
  birthDate: string;
  adultWard: boolean;
  hasSignatureCertificate: boolean;
  holder: Person;
  representative: Person;
  sameHouseholdParentChild: boolean;
  familyRegisterInCity: boolean;
  documents: DocumentRow[];
  note: string;
}

const NO_ONE: Person = { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', postalCode: '', address: '' };
const EMPTY: RegistrationForm = {
  route: 'self',
  kind: 'parent',
  reason: 'forgotten',
  pins: [],
  birthDate: '',
  adultWard: false,
  hasSignatureCertificate: true,
  holder: NO_ONE,
  representative: NO_ONE,
  sameHouseholdParentChild: false,
  familyRegisterInCity: false,
  documents: [],
  note: '',
};

interface FieldProblem {
  path: string;
  message: string;
}

/** The representative's kind follows from the route, except a legal representative's (parent or guardian). */
function kindFor(form: RegistrationForm): RepresentativeKind | null {
  if (form.route === 'self') return null;
  return form.route === 'voluntary_agent' ? 'agent' : form.kind;
}

function body(form: RegistrationForm) {
  const kind = kindFor(form);
  const optional = (p: Person) => ({ ...(p.postalCode ? { postalCode: p.postalCode } : {}), ...(p.address ? { address: p.address } : {}) });
  return {
    route: form.route,
    reason: form.reason,
    pins: form.pins,
    holder: { ...form.holder, birthDate: form.birthDate, adultWard: form.adultWard, hasSignatureCertificate: form.hasSignatureCertificate },
    representative: kind
      ? { kind, familyName: form.representative.familyName, givenName: form.representative.givenName, familyNameKana: form.representative.familyNameKana, givenNameKana: form.representative.givenNameKana, ...optional(form.representative) }
      : null,
    documents: toPresented(form.documents),
    waivers: { sameHouseholdParentChild: form.sameHouseholdParentChild, familyRegisterInCity: form.familyRegisterInCity },
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  };
}

/** Enter moves to the next field, as at a paper form; the whole form works from the keyboard. */
function enterMovesOn(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.getAttribute('role') === 'combobox') return;
  event.preventDefault();
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, [role=combobox], button[type=submit]')];
  fields[fields.indexOf(target) + 1]?.focus();
}

/**
 * 受付（窓口での新規申請）: the route and the holder's facts first, then the checklist of
 * `packages/domain` live beside the form (the same rules the API applies), the documents as they
 * are checked, and the people. Registration is refused until the rules are met; afterwards the
 * receipt number is shown large, to be read aloud.
 */
export function CaseCreate() {
  const translate = useTranslate();
  const api = useApi();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const policy = usePolicy();
  const { data: offices } = useOffices();
  const [form, setForm] = useState<RegistrationForm>(EMPTY);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; details: FieldProblem[] }>();
  const [registered, setRegistered] = useState<{ id: string; receiptNumber: string }>();

  const today = japanDate(new Date());
  const kind = kindFor(form);
  const answer = useMemo(
    () =>
      policy && isIsoDate(form.birthDate)
        ? answerRequirements(
            {
              route: form.route,
              reason: form.reason,
              pins: form.pins,
              holder: { birthDate: form.birthDate, adultWard: form.adultWard, hasSignatureCertificate: form.hasSignatureCertificate },
              representative: kind ? { kind } : null,
              waivers: { sameHouseholdParentChild: form.sameHouseholdParentChild, familyRegisterInCity: form.familyRegisterInCity },
              documents: toPresented(form.documents),
              note: form.note || null,
              on: today,
            },
            policy,
          )
        : undefined,
    [policy, form, kind, today],
  );
  const office = offices?.find((o) => o.id === currentSession()?.user.officeId);
  const arrival = office && policy ? checkArrival(office.hours, today, japanTime(new Date()), policy) : undefined;

  const set = (patch: Partial<RegistrationForm>) => setForm((f) => ({ ...f, ...patch }));
  const setPerson = (who: 'holder' | 'representative', patch: Partial<Person>) => setForm((f) => ({ ...f, [who]: { ...f[who], ...patch } }));
  const fieldError = (path: string) => refusal?.details.find((d) => d.path === path)?.message;
  const presenters: Presenter[] = kind ? ['holder', 'representative'] : ['holder'];
  const namesGiven = [form.holder.familyName, form.holder.givenName, form.holder.familyNameKana, form.holder.givenNameKana, form.holder.postalCode, form.holder.address].every(Boolean) &&
    (!kind || [form.representative.familyName, form.representative.givenName, form.representative.familyNameKana, form.representative.givenNameKana].every(Boolean));
  const canSubmit = !!answer?.readyToRegister && namesGiven && !submitting;

  async function submit() {
    setSubmitting(true);
    setRefusal(undefined);
    try {
      const { data } = await api.create('cases', { data: body(form), meta: { idempotencyKey } });
      setRegistered(data as unknown as { id: string; receiptNumber: string });
    } catch (error) {
      const details = error instanceof HttpError ? ((error.body as { details?: FieldProblem[] } | undefined)?.details ?? []) : [];
      setRefusal({ message: messageOf(error), details });
    } finally {
      setSubmitting(false);
    }
  }

  function nextWalkIn() {
    setForm(EMPTY);
    setRegistered(undefined);
    setIdempotencyKey(crypto.randomUUID());
    window.scrollTo(0, 0);
  }

  const personFields = (who: 'holder' | 'representative') => {
    const p = form[who];
    const field = (name: keyof Person, label: string, extra: { kana?: boolean; width?: number; autoComplete?: string } = {}) => (
      <TextField
        id={`${who}-${name}`}
        label={translate(label)}
        value={p[name]}
        required={who === 'holder' || !['postalCode', 'address'].includes(name)}
        onChange={(e) => setPerson(who, { [name]: e.target.value })}
        onBlur={extra.kana ? (e) => setPerson(who, { [name]: katakanaOf(e.target.value) }) : undefined}
        error={!!fieldError(`${who}.${name}`)}
        helperText={fieldError(`${who}.${name}`) ?? (extra.kana ? translate('madoguchi.register.kanaHelp') : undefined)}
        sx={{ minWidth: extra.width ?? 180 }}
        autoComplete="off"
      />
    );
    return (
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {field('familyName', 'madoguchi.register.familyName')}
          {field('givenName', 'madoguchi.register.givenName')}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {field('familyNameKana', 'madoguchi.register.familyNameKana', { kana: true })}
          {field('givenNameKana', 'madoguchi.register.givenNameKana', { kana: true })}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {field('postalCode', 'madoguchi.register.postalCode', { width: 140 })}
          {field('address', 'madoguchi.register.address', { width: 420 })}
        </Stack>
      </Stack>
    );
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.register.title')} />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box
          component="form"
          onKeyDown={enterMovesOn}
          onSubmit={(e) => {
            e.preventDefault();
            if (canSubmit) void submit();
          }}
          aria-label={translate('madoguchi.register.title')}
          sx={{ flex: 2, width: '100%' }}
        >
          <Stack spacing={2}>
            <Section id="section-application" title={translate('madoguchi.register.application')}>
              <Stack spacing={2}>
                <FormControl>
                  <FormLabel id="route-label">{translate('madoguchi.register.route')}</FormLabel>
                  <RadioGroup row aria-labelledby="route-label" value={form.route} onChange={(e) => set({ route: e.target.value as Route })}>
                    {ROUTE.values.map((r) => (
                      <FormControlLabel key={r} value={r} control={<Radio id={`route-${r}`} />} label={ROUTE.labels[r]} />
                    ))}
                  </RadioGroup>
                </FormControl>
                {form.route === 'legal_representative' && (
                  <FormControl>
                    <FormLabel id="kind-label">{translate('madoguchi.register.kind')}</FormLabel>
                    <RadioGroup row aria-labelledby="kind-label" value={form.kind} onChange={(e) => set({ kind: e.target.value as RepresentativeKind })}>
                      {(['parent', 'guardian'] as const).map((k) => (
                        <FormControlLabel key={k} value={k} control={<Radio id={`kind-${k}`} />} label={REPRESENTATIVE_KIND.labels[k]} />
                      ))}
                    </RadioGroup>
                  </FormControl>
                )}
                <FormControl>
                  <FormLabel id="reason-label">{translate('madoguchi.register.reason')}</FormLabel>
                  <RadioGroup row aria-labelledby="reason-label" value={form.reason} onChange={(e) => set({ reason: e.target.value as ResetReason })}>
                    {RESET_REASON.values.map((r) => (
                      <FormControlLabel key={r} value={r} control={<Radio id={`reason-${r}`} />} label={RESET_REASON.labels[r]} />
                    ))}
                  </RadioGroup>
                </FormControl>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                  <TextField
                    id="holder-birthDate"
                    type="date"
                    label={translate('madoguchi.register.birthDate')}
                    value={form.birthDate}
                    onChange={(e) => set({ birthDate: e.target.value })}
                    required
                    slotProps={{ inputLabel: { shrink: true } }}
                    error={!!fieldError('holder.birthDate')}
                    helperText={fieldError('holder.birthDate') ?? (answer ? translate('madoguchi.register.age', { age: answer.holderAge }) : undefined)}
                  />
                  <FormControlLabel control={<Checkbox id="holder-adultWard" checked={form.adultWard} onChange={(e) => set({ adultWard: e.target.checked })} />} label={translate('madoguchi.register.adultWard')} />
                  <FormControlLabel
                    control={<Checkbox id="holder-signature" checked={form.hasSignatureCertificate} onChange={(e) => set({ hasSignatureCertificate: e.target.checked })} />}
                    label={translate('madoguchi.register.hasSignatureCertificate')}
                  />
                </Stack>
                <FormControl component="fieldset" error={!!fieldError('pins')}>
                  <FormLabel component="legend">{translate('madoguchi.register.pins')}</FormLabel>
                  <FormGroup>
                    {PIN.values.map((pin) => {
                      const refused = answer?.pins.find((p) => p.pin === pin && !p.eligible);
                      return (
                        <Box key={pin}>
                          <FormControlLabel
                            control={
                              <Checkbox
                                id={`pin-${pin}`}
                                checked={form.pins.includes(pin)}
                                onChange={(e) => set({ pins: e.target.checked ? PIN.values.filter((p) => p === pin || form.pins.includes(p)) : form.pins.filter((p) => p !== pin) })}
                              />
                            }
                            label={PIN.labels[pin]}
                          />
                          {refused && <FormHelperText error>{refused.problems.map((p) => p.message).join(' ')}</FormHelperText>}
                        </Box>
                      );
                    })}
                  </FormGroup>
                </FormControl>
              </Stack>
            </Section>

            <Section id="section-documents" title={translate('madoguchi.register.documents')}>
              {form.route === 'legal_representative' && form.kind === 'parent' && (
                <FormGroup row sx={{ mb: 1 }}>
                  <FormControlLabel control={<Checkbox id="waiver-household" checked={form.sameHouseholdParentChild} onChange={(e) => set({ sameHouseholdParentChild: e.target.checked })} />} label={translate('madoguchi.register.sameHousehold')} />
                  <FormControlLabel control={<Checkbox id="waiver-register" checked={form.familyRegisterInCity} onChange={(e) => set({ familyRegisterInCity: e.target.checked })} />} label={translate('madoguchi.register.registerInCity')} />
                </FormGroup>
              )}
              <DocumentsEditor rows={form.documents} onChange={(documents) => set({ documents })} presenters={presenters} idPrefix="visit1" />
              {answer?.unusableDocuments.map((u) => (
                <Alert key={u.index} severity="warning" sx={{ mt: 1 }}>
                  {translate('madoguchi.register.unusable', { n: u.index + 1, why: u.problem.message })}
                </Alert>
              ))}
            </Section>

            <Section id="section-holder" title={translate('madoguchi.register.holder')}>
              {personFields('holder')}
            </Section>

            {kind && (
              <Section id="section-representative" title={translate('madoguchi.register.representative', { kind: REPRESENTATIVE_KIND.labels[kind] })}>
                {personFields('representative')}
              </Section>
            )}

            <Card component="section">
              <CardContent>
                <TextField
                  id="note"
                  label={translate('madoguchi.register.note')}
                  value={form.note}
                  onChange={(e) => set({ note: e.target.value })}
                  multiline
                  minRows={2}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                  error={!!fieldError('note')}
                  helperText={fieldError('note') ?? translate('madoguchi.register.noteHelp')}
                />
              </CardContent>
            </Card>

            {refusal && (
              <Alert severity="error" role="alert">
                <Typography sx={{ fontWeight: 'bold' }}>{refusal.message}</Typography>
                {refusal.details.map((d, i) => (
                  <Typography key={i}>{d.message}</Typography>
                ))}
              </Alert>
            )}
            <Box>
              <Button type="submit" variant="contained" size="large" disabled={!canSubmit} id="register-submit">
                {translate('madoguchi.register.submit')}
              </Button>
              {!canSubmit && !submitting && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {translate('madoguchi.register.notYet')}
                </Typography>
              )}
            </Box>
          </Stack>
        </Box>

        <Box component="aside" aria-label={translate('madoguchi.register.guidance')} sx={{ flex: 1, width: '100%', position: { lg: 'sticky' }, top: { lg: 72 } }}>
          <Stack spacing={2}>
            {arrival?.problem && (
              <Alert severity={arrival.open ? 'warning' : 'error'} data-testid="arrival-warning">
                {arrival.problem.message}
              </Alert>
            )}
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {translate('madoguchi.register.checklist')}
                </Typography>
                {!answer && <Typography color="text.secondary">{translate('madoguchi.register.checklistWaits')}</Typography>}
                {answer?.visits.map((v) => (
                  <Box key={v.visit}>
                    <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
                      {translate(v.visit === 1 ? 'madoguchi.register.visit1' : 'madoguchi.register.visit2')}
                    </Typography>
                    <Checklist lines={v.visit === 1 ? v.checklist : v.checklist.map((l) => ({ ...l, missing: undefined }))} label={translate(v.visit === 1 ? 'madoguchi.register.visit1' : 'madoguchi.register.visit2')} />
                  </Box>
                ))}
                {answer && !answer.completesSameDay && <Alert severity="info">{translate('madoguchi.register.twoVisits')}</Alert>}
              </CardContent>
            </Card>
            {answer?.alternatives.map((a) => (
              <Alert key={a.code} severity="info" data-testid="store-alternative">
                <Typography variant="subtitle2" component="p">
                  {translate('madoguchi.register.alternative')}
                </Typography>
                {a.message}
              </Alert>
            ))}
            {answer && answer.problems.filter((p) => !p.path?.startsWith('documents.')).length > 0 && (
              <Alert severity="warning">
                {answer.problems
                  .filter((p) => !p.path?.startsWith('documents.'))
                  .map((p, i) => (
                    <Typography key={i}>{p.message}</Typography>
                  ))}
              </Alert>
            )}
            <Typography variant="body2" color="text.secondary">
              {translate('madoguchi.register.presenters', { holder: PRESENTER.labels.holder, representative: PRESENTER.labels.representative })}
            </Typography>
          </Stack>
        </Box>
      </Stack>

      <Dialog open={!!registered} aria-labelledby="registered-title" maxWidth="sm" fullWidth>
        <DialogTitle id="registered-title">{translate('madoguchi.register.done')}</DialogTitle>
        <DialogContent>
          <Typography>{translate('madoguchi.register.receiptNumber')}</Typography>
          <Typography component="p" sx={{ fontSize: '3rem', fontWeight: 'bold', letterSpacing: '0.08em', my: 2 }} data-testid="receipt-number">
            {registered?.receiptNumber}
          </Typography>
          <Typography>{translate('madoguchi.register.readAloud')}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => registered && navigate(createPath({ resource: 'cases', type: 'show', id: registered.id }))}>{translate('madoguchi.register.openCase')}</Button>
          <Button variant="contained" onClick={nextWalkIn} autoFocus>
            {translate('madoguchi.register.next')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
