import { ROLE } from '@madoguchi/domain';
import type { StaffView } from '@madoguchi/contract';
import { BooleanField, Datagrid, FunctionField, List, SelectField, TextField, TextInput } from 'react-admin';
import { DateText } from '../dates/DateText';
import { useChoices } from '../i18n/wording';
import { useOfficeChoices } from './useOfficeChoices';

/** 職員の一覧 (admin). */
export function UserList() {
  const offices = useOfficeChoices();
  const choices = useChoices();
  return (
    <List sort={{ field: 'username', order: 'ASC' }} exporter={false} filters={[<TextInput key="q" source="q" label="madoguchi.users.search" alwaysOn />]}>
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="username" label="madoguchi.users.username" />
        <TextField source="displayName" label="madoguchi.users.displayName" />
        <SelectField source="role" label="madoguchi.users.role" choices={choices(ROLE)} />
        <SelectField source="officeId" label="madoguchi.users.office" choices={offices} sortable={false} />
        <BooleanField source="active" label="madoguchi.users.active" />
        <FunctionField source="createdAt" label="madoguchi.users.createdAt" render={(r: StaffView) => <DateText date={r.createdAt.slice(0, 10)} />} />
      </Datagrid>
    </List>
  );
}
