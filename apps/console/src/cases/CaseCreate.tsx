import { REPRESENTATIVE_KIND, type Presenter } from '@madoguchi/domain';
import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, FormGroup, Stack, TextField, Typography, type AlertProps } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { Title, useTranslate } from 'react-admin';
import { isoOf, JapaneseDateInput } from '../dates/JapaneseDateInput';
import { DocumentsEditor } from '../documents/DocumentsEditor';
import { PanelBoundary } from '../errors/PanelBoundary';
import { useWording } from '../i18n/wording';
import { Section } from '../Section';
import { ApplicationSection } from './registration/ApplicationSection';
import { GuidancePanel } from './registration/GuidancePanel';
import { MissingList } from './registration/MissingList';
import { PersonFields } from './registration/PersonFields';
import { ResidentLookup } from './registration/ResidentLookup';
import { ReceiptDialog } from './registration/ReceiptDialog';
import { useRegistrationForm, type RegistrationState } from './registration/useRegistrationForm';

/** Enter moves to the next field, as at a paper form; the whole form works from the keyboard. */
function enterMovesOn(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.getAttribute('role') === 'combobox') return;
  event.preventDefault();
  const fields = [
    ...event.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, [role=combobox], button[type=submit]'),
  ];
  fields[fields.indexOf(target) + 1]?.focus();
}

/** 確認した書類: the waivers of a parent's proof, the rows, and the documents that cannot count. */
function DocumentsSection({ state }: { state: RegistrationState }) {
  const translate = useTranslate();
  const wording = useWording();
  const { form, policy, set, kind, answer } = state;
  const presenters: Presenter[] = kind ? ['holder', 'representative'] : ['holder'];
  // The waivers of a parent's 戸籍謄本 the city's policy knows (none where a parent shows no proof).
  const waiver = policy?.parentProof === 'none' ? 'never' : (policy?.parentProofWaiver ?? 'never');
  return (
    <Section id="section-documents" title={translate('madoguchi.register.documents')}>
      {form.route === 'legal_representative' && form.kind === 'parent' && waiver !== 'never' && (
        <FormGroup row sx={{ mb: 1 }}>
          <FormControlLabel
            control={
              <Checkbox id="waiver-household" checked={form.sameHouseholdParentChild} onChange={(e) => set({ sameHouseholdParentChild: e.target.checked })} />
            }
            label={translate('madoguchi.register.sameHousehold')}
          />
          {waiver === 'household_same_register_or_register_in_city' && (
            <FormControlLabel
              control={<Checkbox id="waiver-same-register" checked={form.sameFamilyRegister} onChange={(e) => set({ sameFamilyRegister: e.target.checked })} />}
              label={translate('madoguchi.register.sameFamilyRegister')}
            />
          )}
          <FormControlLabel
            control={<Checkbox id="waiver-register" checked={form.familyRegisterInCity} onChange={(e) => set({ familyRegisterInCity: e.target.checked })} />}
            label={translate('madoguchi.register.registerInCity')}
          />
        </FormGroup>
      )}
      <PanelBoundary name="documents">
        <DocumentsEditor rows={form.documents} onChange={(documents) => set({ documents })} presenters={presenters} idPrefix="visit1" />
      </PanelBoundary>
      {answer?.unusableDocuments.map((u) => (
        <Alert key={u.index} severity="warning" sx={{ mt: 1 }}>
          {translate('madoguchi.register.unusable', { n: u.index + 1, why: wording.refusal(u.problem) })}
        </Alert>
      ))}
    </Section>
  );
}

function Restored({ state, ...props }: { state: RegistrationState } & AlertProps) {
  const translate = useTranslate();
  return (
    <Alert
      severity="info"
      data-testid="draft-restored"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={state.dismissRestored}>
            {translate('madoguchi.register.keepDraft')}
          </Button>
          <Button color="inherit" size="small" onClick={state.startAfresh} id="discard-draft">
            {translate('madoguchi.register.discardDraft')}
          </Button>
        </Stack>
      }
      {...props}
    >
      {translate('madoguchi.register.draftRestored')}
    </Alert>
  );
}

/**
 * 受付（窓口での新規申請）: the route and the holder's facts first, then the checklist of
 * `packages/domain` live beside the form (the same rules the API applies), the documents as they
 * are checked, and the people. What is still missing is listed under the button, each line
 * taking the clerk to its field. The form is a draft in the tab until it is registered; the
 * receipt number is then shown large, to be read aloud.
 */
export function CaseCreate() {
  const translate = useTranslate();
  const wording = useWording();
  const state = useRegistrationForm();
  const { form, set, setPerson, kind, fieldError, refusal, canSubmit, submitting } = state;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.register.title')} />
      {state.showRestored && <Restored state={state} sx={{ mb: 2 }} />}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box
          component="form"
          onKeyDown={enterMovesOn}
          onSubmit={(e) => {
            e.preventDefault();
            if (canSubmit) void state.submit();
          }}
          aria-label={translate('madoguchi.register.title')}
          sx={{ flex: 2, width: '100%' }}
        >
          <Stack spacing={2}>
            <ApplicationSection state={state} />
            <DocumentsSection state={state} />
            <Section id="section-holder" title={translate('madoguchi.register.holder')}>
              <Stack spacing={2}>
                {form.route === 'voluntary_agent' && (
                  <ResidentLookup
                    familyNameKana={form.holder.familyNameKana}
                    givenNameKana={form.holder.givenNameKana}
                    birthDate={isoOf(form.birthDate, 'birth')}
                    picked={form.residentId}
                    onPick={({ residentId, birthDate: _shown, ...person }) => set({ residentId, holder: person })}
                    onUnpick={() => set({ residentId: '' })}
                  />
                )}
                <PersonFields
                  who="holder"
                  person={form.holder}
                  // A holder picked from the register is the register's: typing over it unpicks it.
                  onChange={(patch) => (form.residentId ? set({ residentId: '', holder: { ...form.holder, ...patch } }) : setPerson('holder', patch))}
                  fieldError={fieldError}
                />
              </Stack>
            </Section>
            {kind && (
              <Section id="section-representative" title={translate('madoguchi.register.representative', { kind: wording.label(REPRESENTATIVE_KIND, kind) })}>
                <Stack spacing={2}>
                  <PersonFields
                    who="representative"
                    person={form.representative}
                    onChange={(patch) => setPerson('representative', patch)}
                    fieldError={fieldError}
                  />
                  {kind === 'agent' && (
                    <JapaneseDateInput
                      id="representative-birthDate"
                      label={translate('madoguchi.register.agentBirthDate')}
                      value={form.agentBirthDate}
                      onChange={(agentBirthDate) => set({ agentBirthDate })}
                      purpose="birth"
                      required
                      serverError={fieldError('representative.birthDate')}
                    />
                  )}
                </Stack>
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
              {!submitting && <MissingList items={state.missing} focusOn={state.focusOn} />}
            </Box>
          </Stack>
        </Box>
        <GuidancePanel state={state} />
      </Stack>
      <ReceiptDialog registered={state.registered} onNext={state.startAfresh} />
    </Box>
  );
}
