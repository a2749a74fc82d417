import { DOCUMENT_TYPE, type AttestationId, type ChecklistLine, type DocumentType, type Presenter } from '@madoguchi/domain';
import AddIcon from '@mui/icons-material/Add';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, Button, Checkbox, FormControlLabel, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWording } from '../i18n/wording';

/** The id of a checklist line's first "add" button: where "what is still missing" sends the focus. */
export const addButtonId = (lineId: string) => `add-${lineId}`;

/**
 * 必要書類のチェックリスト: each line met (✓ with the word, not colour alone) or what it still
 * needs, with a button per document that would meet it: one click adds the row already set
 * (whose, which), and the clerk only types its dates.
 */
export function Checklist({
  lines,
  label,
  onAdd,
  onAttest,
}: {
  lines: readonly ChecklistLine[];
  label: string;
  onAdd?: (presentedBy: Presenter, type: DocumentType) => void;
  /** A line the clerk ticks (the representative's IDs show the current address): ticked or not. */
  onAttest?: (id: AttestationId, ticked: boolean) => void;
}) {
  const translate = useTranslate();
  const wording = useWording();
  return (
    <List dense aria-label={label}>
      {lines.map((line) => {
        const met = line.satisfied || line.waived;
        const status = line.waived
          ? translate('madoguchi.documents.waived')
          : line.satisfied
            ? translate('madoguchi.documents.satisfied')
            : translate('madoguchi.documents.missing');
        return (
          <ListItem key={line.id} data-testid={`checklist-${line.id}`} data-satisfied={met} sx={{ display: 'block' }}>
            <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
              <ListItemIcon sx={{ mt: 0.5 }}>{met ? <CheckCircleIcon color="success" /> : <RadioButtonUncheckedIcon color="warning" />}</ListItemIcon>
              <ListItemText
                primary={`${wording.text(line.label)}${wording.aside(status)}`}
                secondary={met || !line.missing ? undefined : wording.refusal(line.missing)}
              />
            </Box>
            {line.kind === 'attestation' && onAttest && (
              <FormControlLabel
                sx={{ pl: 5, whiteSpace: 'nowrap' }}
                control={<Checkbox id={addButtonId(line.id)} checked={line.satisfied} onChange={(e) => onAttest(line.id as AttestationId, e.target.checked)} />}
                label={translate('madoguchi.documents.attest')}
              />
            )}
            {!met && onAdd && line.kind !== 'attestation' && (
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, pl: 7 }}>
                {line.suggestions.map((type, i) => (
                  <Button
                    key={type}
                    size="small"
                    variant="outlined"
                    startIcon={<AddIcon />}
                    sx={{ whiteSpace: 'nowrap' }}
                    id={i === 0 ? addButtonId(line.id) : undefined}
                    onClick={() => onAdd(line.presentedBy, type)}
                  >
                    {wording.label(DOCUMENT_TYPE, type)}
                  </Button>
                ))}
              </Box>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
