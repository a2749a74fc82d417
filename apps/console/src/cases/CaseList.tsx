import { CASE_STATE, ROUTE } from '@madoguchi/domain';
import { BooleanInput, Datagrid, DateField, FunctionField, List, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';

const choices = (code: { values: readonly string[]; labels: Readonly<Record<string, string>> }) => code.values.map((id) => ({ id, name: code.labels[id] }));

interface CaseRow {
  state: string;
  route: string;
  overdue: boolean;
}

/** 申請の一覧: search by receipt number, inquiry number or kana; filter by state, route, overdue. */
export function CaseList() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('madoguchi.cases.search')} />,
    <SelectInput key="state" source="state" label="madoguchi.cases.state" choices={choices(CASE_STATE)} />,
    <SelectInput key="route" source="route" label="madoguchi.cases.route" choices={choices(ROUTE)} />,
    <BooleanInput key="overdue" source="overdue" label="madoguchi.cases.overdue" />,
  ];
  return (
    // No CSV export: residents' personal data does not leave the system in one click.
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} title={translate('madoguchi.cases.title')} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="receiptNumber" label="madoguchi.cases.receiptNumber" />
        <DateField source="createdAt" label="madoguchi.cases.createdAt" showTime locales="ja-JP" />
        <TextField source="holderKana" label="madoguchi.cases.holderKana" sortable={false} />
        <FunctionField label="madoguchi.cases.route" render={(r: CaseRow) => ROUTE.labels[r.route as keyof typeof ROUTE.labels]} />
        <FunctionField
          label="madoguchi.cases.state"
          render={(r: CaseRow) => `${CASE_STATE.labels[r.state as keyof typeof CASE_STATE.labels]}${r.overdue ? `（${translate('madoguchi.cases.overdue')}）` : ''}`}
        />
        <TextField source="replyDeadline" label="madoguchi.cases.replyDeadline" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
