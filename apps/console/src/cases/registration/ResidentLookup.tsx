import type { ResidentView } from '@madoguchi/contract';
import { Alert, Box, Button, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { isoOf } from '../../dates/JapaneseDateInput';
import { DateText } from '../../dates/DateText';
import { messageOf } from '../../useAction';
import { useApi } from '../../useApi';
import type { RegistrationState } from './useRegistrationForm';

/**
 * 住民記録で照会 (agent route): the holder looked up by kana name and birth date in the resident
 * register; picking one fills the holder from the register, and the letter goes to that address.
 */
export function ResidentLookup({ state }: { state: RegistrationState }) {
  const translate = useTranslate();
  const api = useApi();
  const { form, set } = state;
  const [matches, setMatches] = useState<ResidentView[]>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const birthDate = isoOf(form.birthDate, 'birth');
  const ready = !!birthDate && !!form.holder.familyNameKana.trim() && !!form.holder.givenNameKana.trim();

  async function lookUp() {
    setBusy(true);
    setFailure(undefined);
    try {
      setMatches(await api.residents({ familyNameKana: form.holder.familyNameKana, givenNameKana: form.holder.givenNameKana, birthDate: birthDate! }));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  function pick(resident: ResidentView) {
    const { residentId, birthDate: _shown, ...person } = resident;
    set({ residentId, holder: { ...person } });
    setMatches(undefined);
  }

  if (form.residentId) {
    return (
      <Alert
        severity="success"
        data-testid="resident-picked"
        action={
          <Button color="inherit" size="small" id="resident-unpick" onClick={() => set({ residentId: '' })}>
            {translate('madoguchi.residents.unpick')}
          </Button>
        }
      >
        {translate('madoguchi.residents.picked', { id: form.residentId })}
      </Alert>
    );
  }
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" id="resident-lookup" disabled={!ready || busy} onClick={() => void lookUp()}>
          {translate('madoguchi.residents.lookUp')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('madoguchi.residents.how')}
        </Typography>
      </Stack>
      {failure && (
        <Alert severity="error" sx={{ mt: 1 }} action={<Button onClick={() => void lookUp()}>{translate('madoguchi.residents.retry')}</Button>}>
          {failure}
        </Alert>
      )}
      {matches && matches.length === 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('madoguchi.residents.none')}
        </Alert>
      )}
      {matches && matches.length > 0 && (
        <List dense aria-label={translate('madoguchi.residents.matches')} data-testid="resident-matches">
          {matches.map((r) => (
            <ListItemButton key={r.residentId} onClick={() => pick(r)}>
              <ListItemText
                primary={`${r.familyName} ${r.givenName}（${r.familyNameKana} ${r.givenNameKana}）`}
                secondary={
                  <>
                    <DateText date={r.birthDate} />
                    {` 〒${r.postalCode} ${r.address}`}
                  </>
                }
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}
