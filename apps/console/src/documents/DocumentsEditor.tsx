import { DOCUMENT_CATEGORY, DOCUMENT_TYPE, PRESENTER, type DocumentType, type PresentedDocument, type Presenter } from '@madoguchi/domain';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A document row as the form holds it (dates as typed; empty means not given). */
export interface DocumentRow {
  presentedBy: Presenter;
  type: DocumentType;
  issuedOn: string;
  expiresOn: string;
}

export function toPresented(rows: readonly DocumentRow[]): PresentedDocument[] {
  return rows.map((r) => ({ presentedBy: r.presentedBy, type: r.type, issuedOn: r.issuedOn || null, expiresOn: r.expiresOn || null }));
}

const CATEGORY_ORDER = ['card', 'A', 'B', 'proof'] as const;
const typesByCategory = CATEGORY_ORDER.flatMap((c) => DOCUMENT_TYPE.values.filter((t) => DOCUMENT_CATEGORY[t] === c));

/**
 * 提示された書類: the documents the clerk has in hand, one row each (whose, which, dates). The
 * checklist beside it says what they satisfy; nothing here decides that.
 */
export function DocumentsEditor({ rows, onChange, presenters, idPrefix }: { rows: DocumentRow[]; onChange: (rows: DocumentRow[]) => void; presenters: readonly Presenter[]; idPrefix: string }) {
  const translate = useTranslate();
  const update = (i: number, patch: Partial<DocumentRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack spacing={1.5}>
      {rows.map((row, i) => (
        <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' } }} data-testid={`${idPrefix}-document-${i}`}>
          <TextField select size="small" label={translate('madoguchi.documents.presentedBy')} value={row.presentedBy} onChange={(e) => update(i, { presentedBy: e.target.value as Presenter })} sx={{ minWidth: 120 }} id={`${idPrefix}-presenter-${i}`}>
            {presenters.map((p) => (
              <MenuItem key={p} value={p}>
                {PRESENTER.labels[p]}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('madoguchi.documents.type')} value={row.type} onChange={(e) => update(i, { type: e.target.value as DocumentType })} sx={{ minWidth: 280 }} id={`${idPrefix}-type-${i}`}>
            {typesByCategory.map((t) => (
              <MenuItem key={t} value={t}>
                {DOCUMENT_TYPE.labels[t]}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" type="date" label={translate('madoguchi.documents.issuedOn')} value={row.issuedOn} onChange={(e) => update(i, { issuedOn: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} id={`${idPrefix}-issued-${i}`} />
          <TextField size="small" type="date" label={translate('madoguchi.documents.expiresOn')} value={row.expiresOn} onChange={(e) => update(i, { expiresOn: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} id={`${idPrefix}-expires-${i}`} />
          <IconButton aria-label={translate('madoguchi.documents.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      {rows.length === 0 && <Typography color="text.secondary">{translate('madoguchi.documents.none')}</Typography>}
      <div>
        <Button startIcon={<AddIcon />} onClick={() => onChange([...rows, { presentedBy: presenters[0]!, type: presenters[0] === 'holder' ? 'my_number_card' : 'drivers_license', issuedOn: '', expiresOn: '' }])}>
          {translate('madoguchi.documents.add')}
        </Button>
      </div>
    </Stack>
  );
}
