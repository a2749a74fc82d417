import { ROLE } from '@madoguchi/domain';
import { Create, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useChoices } from '../i18n/wording';
import { useOfficeChoices } from './useOfficeChoices';

/** A new member of staff; a refused field (a taken username, a short password) shows under its field. */
export function UserCreate() {
  const offices = useOfficeChoices();
  const choices = useChoices();
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
