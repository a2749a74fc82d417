import { DOCUMENT_TYPE, DOCUMENT_TYPES_AS_OFFERED, PRESENTER, type DocumentType, type Presenter } from '@madoguchi/domain';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { JapaneseDateInput } from '../dates/JapaneseDateInput';
import { useWording } from '../i18n/wording';
import type { DocumentRow } from './rows';

/** A new row for a document: whose and which, dates still to type. */
export const documentRow = (presentedBy: Presenter, type: DocumentType): DocumentRow => ({ presentedBy, type, issuedOn: '', expiresOn: '' });

/**
 * 提示された書類: the documents the clerk has in hand, one row each (whose, which, dates as
 * Japan writes them). The checklist beside it says what they satisfy and adds rows in one click;
 * nothing here decides what counts.
 */
export function DocumentsEditor({
  rows,
  onChange,
  presenters,
  idPrefix,
}: {
  rows: DocumentRow[];
  onChange: (rows: DocumentRow[]) => void;
  presenters: readonly Presenter[];
  idPrefix: string;
}) {
  const translate = useTranslate();
  const wording = useWording();
  const update = (i: number, patch: Partial<DocumentRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack spacing={1.5}>
      {rows.map((row, i) => (
        <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'flex-start' } }} data-testid={`${idPrefix}-document-${i}`}>
          <TextField
            select
            size="small"
            label={translate('madoguchi.documents.presentedBy')}
            value={row.presentedBy}
            onChange={(e) => update(i, { presentedBy: e.target.value as Presenter })}
            sx={{ minWidth: 120 }}
            id={`${idPrefix}-presenter-${i}`}
          >
            {presenters.map((p) => (
              <MenuItem key={p} value={p}>
                {wording.label(PRESENTER, p)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('madoguchi.documents.type')}
            value={row.type}
            onChange={(e) => update(i, { type: e.target.value as DocumentType })}
            sx={{ minWidth: 280 }}
            id={`${idPrefix}-type-${i}`}
          >
            {DOCUMENT_TYPES_AS_OFFERED.map((t) => (
              <MenuItem key={t} value={t}>
                {wording.label(DOCUMENT_TYPE, t)}
              </MenuItem>
            ))}
          </TextField>
          <JapaneseDateInput
            size="small"
            id={`${idPrefix}-issued-${i}`}
            label={translate('madoguchi.documents.issuedOn')}
            value={row.issuedOn}
            onChange={(issuedOn) => update(i, { issuedOn })}
            purpose="document"
          />
          <JapaneseDateInput
            size="small"
            id={`${idPrefix}-expires-${i}`}
            label={translate('madoguchi.documents.expiresOn')}
            value={row.expiresOn}
            onChange={(expiresOn) => update(i, { expiresOn })}
            purpose="document"
          />
          <IconButton aria-label={translate('madoguchi.documents.remove', { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      {rows.length === 0 && <Typography color="text.secondary">{translate('madoguchi.documents.none')}</Typography>}
      <div>
        <Button
          startIcon={<AddIcon />}
          onClick={() => onChange([...rows, documentRow(presenters[0]!, presenters[0] === 'holder' ? 'my_number_card' : 'drivers_license')])}
        >
          {translate('madoguchi.documents.add')}
        </Button>
      </div>
    </Stack>
  );
}
