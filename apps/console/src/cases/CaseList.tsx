import { CASE_STATE, japanDate, readSearch, ROUTE } from '@madoguchi/domain';
import type { CaseSummary } from '@madoguchi/contract';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Chip, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useInput,
  useListContext,
  useNotify,
  useTranslate,
  type InputProps,
} from 'react-admin';
import { DateText, DateTimeText } from '../dates/DateText';
import { isoOf, JapaneseDateInput } from '../dates/JapaneseDateInput';
import { useChoices, useWording } from '../i18n/wording';
import { useOffices } from '../municipality';
import { useMayTake } from '../roles';
import { useOpenDocument } from '../useOpenDocument';

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

/** What the search box reads the entry as: receipt number, inquiry number, kana or a name as written. */
function SearchReading() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const q = typeof filterValues.q === 'string' ? filterValues.q.trim() : '';
  if (!q) return null;
  const readings = Object.keys(readSearch(q));
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="search-reading">
      {readings.length
        ? translate('madoguchi.cases.searchReads', {
            what: readings.map((r) => translate(`madoguchi.cases.reading.${r}`)).join(translate('madoguchi.cases.readingJoin')),
          })
        : translate('madoguchi.cases.searchUnreadable')}
    </Typography>
  );
}

/** A date filter typed as the counter writes dates (和暦 too); the list filters by the ISO date it reads. */
function DateFilterInput(props: InputProps & { label: string }) {
  const { field } = useInput(props);
  const translate = useTranslate();
  const [typed, setTyped] = useState<string>(typeof field.value === 'string' ? field.value : '');
  return (
    <JapaneseDateInput
      id={`filter-${props.source}`}
      size="small"
      label={translate(props.label)}
      value={typed}
      onChange={(text) => {
        setTyped(text);
        const date = isoOf(text);
        if (date || !text.trim()) field.onChange(date ?? '');
      }}
    />
  );
}

/** 一覧のCSV: the list as filtered on screen, for supervisors and admins (the API caps it and audits it). */
function ExportButton() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const openDocument = useOpenDocument();
  const notify = useNotify();
  // Past the API's cap the file holds the newest rows only: say so, and how to get the rest.
  const capped = (headers: Headers) => {
    if (headers.get('X-Total-Capped') === 'true')
      notify('madoguchi.cases.exportCapped', { type: 'warning', messageArgs: { rows: headers.get('X-Total-Count') } });
  };
  return (
    <Button
      id="export-cases"
      size="small"
      startIcon={<DownloadIcon />}
      onClick={() =>
        void openDocument(`/cases/export?filter=${encodeURIComponent(JSON.stringify(filterValues))}`, `cases-${japanDate(new Date())}.csv`, capped)
      }
    >
      {translate('madoguchi.cases.export')}
    </Button>
  );
}

function ListActions() {
  const mayTake = useMayTake();
  return (
    <TopToolbar>
      <FilterButton />
      {mayTake('exportCases') && <ExportButton />}
      {mayTake('registerCase') && <CreateButton label="madoguchi.cases.register" />}
    </TopToolbar>
  );
}

/** 申請の一覧: saved views, a search box that says what it reads, filters; overdue rows marked with a label, not colour alone. */
export function CaseList() {
  const translate = useTranslate();
  const wording = useWording();
  const choices = useChoices();
  const { data: offices } = useOffices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('madoguchi.cases.search')} aria-label={translate('madoguchi.cases.search')} />,
    <SelectInput key="state" source="state" label="madoguchi.cases.state" choices={choices(CASE_STATE)} />,
    <SelectInput key="route" source="route" label="madoguchi.cases.route" choices={choices(ROUTE)} />,
    <SelectInput key="officeId" source="officeId" label="madoguchi.cases.office" choices={(offices ?? []).map((o) => ({ id: o.id, name: o.name }))} />,
    <BooleanInput key="overdue" source="overdue" label="madoguchi.cases.overdue" />,
    <DateFilterInput key="createdFrom" source="createdFrom" label="madoguchi.cases.createdFrom" />,
    <DateFilterInput key="createdTo" source="createdTo" label="madoguchi.cases.createdTo" />,
  ];
  return (
    // No CSV export: residents' personal data does not leave the system in one click.
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      title={translate('madoguchi.cases.title')}
      exporter={false}
      empty={false}
    >
      <SavedViews />
      <SearchReading />
      <Datagrid bulkActionButtons={false} rowClick="show" rowSx={(r) => (r.overdue ? { backgroundColor: '#fdecea' } : {})}>
        <TextField source="receiptNumber" label="madoguchi.cases.receiptNumber" />
        <FunctionField source="createdAt" label="madoguchi.cases.createdAt" render={(r: CaseSummary) => <DateTimeText at={r.createdAt} />} />
        <TextField source="holderName" label="madoguchi.cases.holderName" sortable={false} />
        <TextField source="holderKana" label="madoguchi.cases.holderKana" sortable={false} />
        <FunctionField label="madoguchi.cases.route" render={(r: CaseSummary) => wording.label(ROUTE, r.route)} />
        <FunctionField
          label="madoguchi.cases.state"
          sortBy="state"
          render={(r: CaseSummary) => (
            <>
              {wording.label(CASE_STATE, r.state)}
              {r.overdue && <Chip size="small" color="error" label={translate('madoguchi.cases.overdue')} sx={{ ml: 1 }} />}
              {r.returned && <Chip size="small" color="warning" label={translate('madoguchi.dashboard.returned')} sx={{ ml: 1 }} />}
            </>
          )}
        />
        <FunctionField
          label="madoguchi.cases.replyDeadline"
          sortable={false}
          render={(r: CaseSummary) => <DateText date={r.state === 'inquiry_mailed' ? r.replyDeadline : null} />}
        />
      </Datagrid>
    </List>
  );
}
