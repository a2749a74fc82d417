import type { ChecklistLine } from '@madoguchi/domain';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';

/** 必要書類のチェックリスト: each line met (✓ with the word, not colour alone) or what it still needs. */
export function Checklist({ lines, label }: { lines: readonly ChecklistLine[]; label: string }) {
  const translate = useTranslate();
  return (
    <List dense aria-label={label}>
      {lines.map((line) => {
        const status = line.waived ? translate('madoguchi.documents.waived') : line.satisfied ? translate('madoguchi.documents.satisfied') : translate('madoguchi.documents.missing');
        return (
          <ListItem key={line.id} data-testid={`checklist-${line.id}`} data-satisfied={line.satisfied || line.waived}>
            <ListItemIcon>{line.satisfied || line.waived ? <CheckCircleIcon color="success" /> : <RadioButtonUncheckedIcon color="warning" />}</ListItemIcon>
            <ListItemText primary={`${line.label}（${status}）`} secondary={line.satisfied || line.waived ? undefined : line.missing?.message} />
          </ListItem>
        );
      })}
    </List>
  );
}
