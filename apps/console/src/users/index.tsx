import { ROLE } from '@madoguchi/domain';
import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  FunctionField,
  List,
  PasswordInput,
  required,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField as RaTextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../codes';
import { useOffices } from '../municipality';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { japanDateTime } from '../format';

function useOfficeChoices() {
  const { data = [] } = useOffices();
  return data.map((o) => ({ id: o.id, name: o.name }));
}

/** 職員の一覧 (admin). */
export function UserList() {
  const offices = useOfficeChoices();
  return (
    <List sort={{ field: 'username', order: 'ASC' }} exporter={false} filters={[<TextInput key="q" source="q" label="madoguchi.users.search" alwaysOn />]}>
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <RaTextField source="username" label="madoguchi.users.username" />
        <RaTextField source="displayName" label="madoguchi.users.displayName" />
        <SelectField source="role" label="madoguchi.users.role" choices={choices(ROLE)} />
        <SelectField source="officeId" label="madoguchi.users.office" choices={offices} sortable={false} />
        <BooleanField source="active" label="madoguchi.users.active" />
        <FunctionField label="madoguchi.users.locked" render={(r: { lockedUntil: string | null }) => (r.lockedUntil && new Date(r.lockedUntil) > new Date() ? japanDateTime(r.lockedUntil) : '—')} />
        <DateField source="createdAt" label="madoguchi.users.createdAt" locales="ja-JP" />
      </Datagrid>
    </List>
  );
}

export function UserCreate() {
  const offices = useOfficeChoices();
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="username" label="madoguchi.users.username" validate={required()} helperText="madoguchi.users.usernameHelp" />
        <TextInput source="displayName" label="madoguchi.users.displayName" validate={required()} />
        <SelectInput source="role" label="madoguchi.users.role" choices={choices(ROLE)} validate={required()} />
        <SelectInput source="officeId" label="madoguchi.users.office" choices={offices} validate={required()} />
        <PasswordInput source="password" label="madoguchi.users.password" validate={required()} helperText="madoguchi.users.passwordHelp" />
      </SimpleForm>
    </Create>
  );
}

/** A new password for the account; its logins end at once. */
function ResetPassword() {
  const translate = useTranslate();
  const act = useAction();
  const api = useApi();
  const record = useRecordContext<{ id: string; username: string }>();
  const [password, setPassword] = useState('');
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} component="section" aria-labelledby="reset-title">
      <CardContent>
        <Typography variant="subtitle1" component="h2" id="reset-title">
          {translate('madoguchi.users.resetPassword')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
          <TextField id="new-password" type="password" label={translate('madoguchi.users.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" helperText={translate('madoguchi.users.passwordHelp')} />
          <Button
            variant="outlined"
            disabled={!password}
            onClick={() => void act(() => api.resetPassword(record.id, password), 'madoguchi.users.passwordReset', { username: record.username }).then((ok) => ok && setPassword(''))}
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
