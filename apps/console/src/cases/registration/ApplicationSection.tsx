import { PIN, REPRESENTATIVE_KIND, RESET_REASON, ROUTE, type RepresentativeKind, type ResetReason, type Route } from '@madoguchi/domain';
import { Box, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Radio, RadioGroup, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { JapaneseDateInput } from '../../dates/JapaneseDateInput';
import { useWording } from '../../i18n/wording';
import { Section } from '../../Section';
import type { RegistrationState } from './useRegistrationForm';

/** 申請の内容: route, reason, the holder's birth date and facts, and the PINs (each refused one says why). */
export function ApplicationSection({ state }: { state: RegistrationState }) {
  const translate = useTranslate();
  const wording = useWording();
  const { form, set, answer, fieldError } = state;
  return (
    <Section id="section-application" title={translate('madoguchi.register.application')}>
      <Stack spacing={2}>
        <FormControl>
          <FormLabel id="route-label">{translate('madoguchi.register.route')}</FormLabel>
          <RadioGroup row aria-labelledby="route-label" value={form.route} onChange={(e) => set({ route: e.target.value as Route })}>
            {ROUTE.values.map((r) => (
              <FormControlLabel key={r} value={r} control={<Radio id={`route-${r}`} />} label={wording.label(ROUTE, r)} />
            ))}
          </RadioGroup>
        </FormControl>
        {form.route === 'legal_representative' && (
          <FormControl>
            <FormLabel id="kind-label">{translate('madoguchi.register.kind')}</FormLabel>
            <RadioGroup row aria-labelledby="kind-label" value={form.kind} onChange={(e) => set({ kind: e.target.value as RepresentativeKind })}>
              {(['parent', 'guardian'] as const).map((k) => (
                <FormControlLabel key={k} value={k} control={<Radio id={`kind-${k}`} />} label={wording.label(REPRESENTATIVE_KIND, k)} />
              ))}
            </RadioGroup>
          </FormControl>
        )}
        <FormControl>
          <FormLabel id="reason-label">{translate('madoguchi.register.reason')}</FormLabel>
          <RadioGroup row aria-labelledby="reason-label" value={form.reason} onChange={(e) => set({ reason: e.target.value as ResetReason })}>
            {RESET_REASON.values.map((r) => (
              <FormControlLabel key={r} value={r} control={<Radio id={`reason-${r}`} />} label={wording.label(RESET_REASON, r)} />
            ))}
          </RadioGroup>
        </FormControl>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <JapaneseDateInput
            id="holder-birthDate"
            label={translate('madoguchi.register.birthDate')}
            value={form.birthDate}
            onChange={(birthDate) => set({ birthDate })}
            purpose="birth"
            required
            serverError={fieldError('holder.birthDate')}
          />
          <FormControlLabel
            control={<Checkbox id="holder-adultWard" checked={form.adultWard} onChange={(e) => set({ adultWard: e.target.checked })} />}
            label={translate('madoguchi.register.adultWard')}
          />
          <FormControlLabel
            control={
              <Checkbox id="holder-signature" checked={form.hasSignatureCertificate} onChange={(e) => set({ hasSignatureCertificate: e.target.checked })} />
            }
            label={translate('madoguchi.register.hasSignatureCertificate')}
          />
          <FormControlLabel
            control={
              <Checkbox id="holder-userAuth" checked={form.hasUserAuthCertificate} onChange={(e) => set({ hasUserAuthCertificate: e.target.checked })} />
            }
            label={translate('madoguchi.register.hasUserAuthCertificate')}
          />
        </Stack>
        {/* The certificates' own lives (004, 003): asked only for the PINs they hold, and only when the clerk has the dates. */}
        {(form.pins.includes('signature') || form.pins.includes('user_auth')) && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }} data-testid="certificate-facts">
            {form.pins.includes('signature') && form.hasSignatureCertificate && (
              <>
                <JapaneseDateInput
                  id="holder-signatureExpiresOn"
                  label={translate('madoguchi.register.signatureCertificateExpiresOn')}
                  value={form.signatureCertificateExpiresOn}
                  onChange={(signatureCertificateExpiresOn) => set({ signatureCertificateExpiresOn })}
                  purpose="document"
                />
                <FormControlLabel
                  control={
                    <Checkbox id="holder-basicInfoChanged" checked={form.basicInfoChanged} onChange={(e) => set({ basicInfoChanged: e.target.checked })} />
                  }
                  label={translate('madoguchi.register.basicInfoChanged')}
                />
              </>
            )}
            {form.pins.includes('user_auth') && form.hasUserAuthCertificate && (
              <JapaneseDateInput
                id="holder-userAuthExpiresOn"
                label={translate('madoguchi.register.userAuthCertificateExpiresOn')}
                value={form.userAuthCertificateExpiresOn}
                onChange={(userAuthCertificateExpiresOn) => set({ userAuthCertificateExpiresOn })}
                purpose="document"
              />
            )}
          </Stack>
        )}
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
                        onChange={(e) =>
                          set({ pins: e.target.checked ? PIN.values.filter((p) => p === pin || form.pins.includes(p)) : form.pins.filter((p) => p !== pin) })
                        }
                      />
                    }
                    label={wording.label(PIN, pin)}
                  />
                  {refused && <FormHelperText error>{refused.problems.map((p) => wording.refusal(p)).join(' ')}</FormHelperText>}
                </Box>
              );
            })}
          </FormGroup>
        </FormControl>
      </Stack>
    </Section>
  );
}
