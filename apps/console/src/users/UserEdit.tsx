import { ROLE } from '@madoguchi/domain';
import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, Edit, required, SelectInput, SimpleForm, TextField as RaTextField, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { useChoices } from '../i18n/wording';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { useOfficeChoices } from './useOfficeChoices';

/** A new password for the account; its logins end at once. */
function ResetPassword() {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const record = useRecordContext<{ id: string; username: string }>();
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState<string>();
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} component="section" aria-labelledby="reset-title">
      <CardContent>
        <Typography variant="subtitle1" component="h2" id="reset-title">
          {translate('madoguchi.users.resetPassword')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
          <TextField
            id="new-password"
            type="password"
            label={translate('madoguchi.users.password')}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setRefused(undefined);
            }}
            autoComplete="new-password"
            error={!!refused}
            helperText={refused ?? translate('madoguchi.users.passwordHelp')}
          />
          <Button
            variant="outlined"
            disabled={!password}
            onClick={() =>
              void act(() => api.resetPassword(record.id, password), 'madoguchi.users.passwordReset', {
                messageArgs: { username: record.username },
                onRefused: (fields) => setRefused(fields.password),
              }).then((ok) => ok && setPassword(''))
            }
          >
            {translate('madoguchi.users.resetPassword')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function UserEdit() {
  const offices = useOfficeChoices();
  const choices = useChoices();
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <RaTextField source="username" label="madoguchi.users.username" />
        <TextInput source="displayName" label="madoguchi.users.displayName" validate={required()} />
        <SelectInput source="role" label="madoguchi.users.role" choices={choices(ROLE)} validate={required()} />
        <SelectInput source="officeId" label="madoguchi.users.office" choices={offices} validate={required()} />
        <BooleanInput source="active" label="madoguchi.users.active" helperText="madoguchi.users.activeHelp" />
      </SimpleForm>
      <ResetPassword />
    </Edit>
  );
}
