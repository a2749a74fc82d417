import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { MissingItem } from './useRegistrationForm';

/**
 * まだ足りないもの: what keeps 受け付ける disabled, in words. Each line takes the clerk to its
 * field; the heading to the first.
 */
export function MissingList({ items, focusOn }: { items: readonly MissingItem[]; focusOn: (id: string) => void }) {
  const translate = useTranslate();
  if (!items.length) return null;
  const first = items.find((i) => i.target)?.target;
  return (
    <Box sx={{ mt: 1 }} data-testid="missing-list">
      <Typography variant="body2" color="text.secondary">
        {first ? (
          <Link component="button" type="button" onClick={() => focusOn(first)} id="missing-first">
            {translate('madoguchi.register.missing', { count: items.length })}
          </Link>
        ) : (
          translate('madoguchi.register.missing', { count: items.length })
        )}
      </Typography>
      <List dense disablePadding>
        {items.map((item, i) => (
          <ListItem key={i} disableGutters sx={{ py: 0 }}>
            {item.target ? (
              <Link component="button" type="button" variant="body2" onClick={() => focusOn(item.target!)}>
                {item.text}
              </Link>
            ) : (
              <Typography variant="body2">{item.text}</Typography>
            )}
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
