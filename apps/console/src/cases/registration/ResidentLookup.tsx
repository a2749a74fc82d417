import type { ResidentView } from '@madoguchi/contract';
import { Alert, Box, Button, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DateText } from '../../dates/DateText';
import { messageOf } from '../../useAction';
import { useApi } from '../../useApi';

/**
 * 住民記録で照会 (agent route): the holder looked up by kana name and birth date in the resident
 * register; picking one fills the holder from the register, and the letter goes to that address.
 * Used by the registration form and by a correction (the holder looked up again).
 */
export function ResidentLookup({
  familyNameKana,
  givenNameKana,
  birthDate,
  picked,
  onPick,
  onUnpick,
}: {
  familyNameKana: string;
  givenNameKana: string;
  /** The birth date as read from what was typed; null while it cannot be read. */
  birthDate: string | null;
  /** The resident picked ('' when none). */
  picked: string;
  onPick: (resident: ResidentView) => void;
  onUnpick: () => void;
}) {
  const translate = useTranslate();
  const api = useApi();
  const [matches, setMatches] = useState<ResidentView[]>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ready = !!birthDate && !!familyNameKana.trim() && !!givenNameKana.trim();

  async function lookUp() {
    setBusy(true);
    setFailure(undefined);
    try {
      setMatches(await api.residents({ familyNameKana, givenNameKana, birthDate: birthDate! }));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  function pick(resident: ResidentView) {
    onPick(resident);
    setMatches(undefined);
  }

  if (picked) {
    return (
      <Alert
        severity="success"
        data-testid="resident-picked"
        action={
          <Button color="inherit" size="small" id="resident-unpick" onClick={onUnpick}>
            {translate('madoguchi.residents.unpick')}
          </Button>
        }
      >
        {translate('madoguchi.residents.picked', { id: picked })}
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
