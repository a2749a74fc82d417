import { CASE_STATE, japanDate, ROUTE } from '@madoguchi/domain';
import { Chip, Tab, Tabs } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  DateField,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { useRoleIn } from '../roles';
import { choices } from '../codes';
import { useOffices } from '../municipality';

interface CaseRow {
  state: keyof typeof CASE_STATE.labels;
  route: keyof typeof ROUTE.labels;
  overdue: boolean;
}

/** The saved views of the desk: each is a set of list filters. */
const TABS = [
  { id: 'all', filter: () => ({}) },
  { id: 'today', filter: () => ({ createdFrom: japanDate(new Date()), createdTo: japanDate(new Date()) }) },
  { id: 'awaitingReply', filter: () => ({ state: 'inquiry_mailed' }) },
  { id: 'overdue', filter: () => ({ overdue: true }) },
] as const;

function currentTab(filter: Record<string, unknown>): string {
  if (filter.overdue === true) return 'overdue';
  if (filter.state === 'inquiry_mailed') return 'awaitingReply';
  if (filter.createdFrom && filter.createdFrom === filter.createdTo) return 'today';
  return 'all';
}

function SavedViews() {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  return (
    <Tabs
      value={currentTab(filterValues as Record<string, unknown>)}
      onChange={(_, id: string) => setFilters(TABS.find((t) => t.id === id)!.filter(), {})}
      aria-label={translate('madoguchi.cases.views')}
      sx={{ mb: 1 }}
    >
      {TABS.map((t) => (
        <Tab key={t.id} value={t.id} label={translate(`madoguchi.cases.tabs.${t.id}`)} />
      ))}
    </Tabs>
  );
}

function ListActions() {
  const roleIn = useRoleIn();
  return (
    <TopToolbar>
      <FilterButton />
      {roleIn('caseWork') && <CreateButton label="madoguchi.cases.register" />}
    </TopToolbar>
  );
}

/** 申請の一覧: saved views, a search box (receipt number, inquiry number or kana), filters; overdue rows marked. */
export function CaseList() {
  const translate = useTranslate();
  const { data: offices } = useOffices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('madoguchi.cases.search')} aria-label={translate('madoguchi.cases.search')} />,
    <SelectInput key="state" source="state" label="madoguchi.cases.state" choices={choices(CASE_STATE)} />,
    <SelectInput key="route" source="route" label="madoguchi.cases.route" choices={choices(ROUTE)} />,
    <SelectInput key="officeId" source="officeId" label="madoguchi.cases.office" choices={(offices ?? []).map((o) => ({ id: o.id, name: o.name }))} />,
    <BooleanInput key="overdue" source="overdue" label="madoguchi.cases.overdue" />,
    <DateInput key="createdFrom" source="createdFrom" label="madoguchi.cases.createdFrom" />,
    <DateInput key="createdTo" source="createdTo" label="madoguchi.cases.createdTo" />,
  ];
  return (
    // No CSV export: residents' personal data does not leave the system in one click.
    <List filters={filters} actions={<ListActions />} sort={{ field: 'createdAt', order: 'DESC' }} title={translate('madoguchi.cases.title')} exporter={false} empty={false}>
      <SavedViews />
      <Datagrid bulkActionButtons={false} rowClick="show" rowSx={(r) => (r.overdue ? { backgroundColor: '#fdecea' } : {})}>
        <TextField source="receiptNumber" label="madoguchi.cases.receiptNumber" />
        <DateField source="createdAt" label="madoguchi.cases.createdAt" showTime locales="ja-JP" />
        <TextField source="holderName" label="madoguchi.cases.holderName" sortable={false} />
        <TextField source="holderKana" label="madoguchi.cases.holderKana" sortable={false} />
        <FunctionField label="madoguchi.cases.route" render={(r: CaseRow) => ROUTE.labels[r.route]} />
        <FunctionField
          label="madoguchi.cases.state"
          sortBy="state"
          render={(r: CaseRow) => (
            <>
              {CASE_STATE.labels[r.state]}
              {r.overdue && <Chip size="small" color="error" label={translate('madoguchi.cases.overdue')} sx={{ ml: 1 }} />}
            </>
          )}
        />
        <TextField source="replyDeadline" label="madoguchi.cases.replyDeadline" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
