import { DEFAULT_POLICY, PIN, PIN_FORMAT, ROUTE, requiredDocuments, type Route } from '@madoguchi/domain';
import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Section } from '../Section';
import { useWording } from '../i18n/wording';

const VISITS: Record<Route, (1 | 2)[]> = { self: [1], legal_representative: [1], voluntary_agent: [1, 2] };

/** 必要書類の案内: what each route needs, read from the same rules the API enforces (default policy). */
export function RulesPage() {
  const translate = useTranslate();
  const wording = useWording();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.rules.title')} />
      {ROUTE.values.map((route) => (
        <Section key={route} id={`route-${route}`} gutterBottom={false} title={wording.label(ROUTE, route)}>
          {VISITS[route].map((visit) => (
            <div key={visit}>
              <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
                {translate(visit === 1 ? 'madoguchi.rules.visit1' : 'madoguchi.rules.visit2')}
              </Typography>
              <List dense>
                {requiredDocuments({ route, visit, representativeKind: route === 'legal_representative' ? 'parent' : null }, DEFAULT_POLICY).map((req) => (
                  <ListItem key={req.id}>
                    <ListItemText primary={wording.text(req.label)} />
                  </ListItem>
                ))}
              </List>
            </div>
          ))}
        </Section>
      ))}
      <Section id="pin-formats" gutterBottom={false} title={translate('madoguchi.rules.pinFormats')}>
        <List dense>
          {PIN.values.map((pin) => (
            <ListItem key={pin}>
              <ListItemText
                primary={wording.label(PIN, pin)}
                secondary={translate('madoguchi.rules.pinFormat', {
                  format: wording.text(PIN_FORMAT[pin].description),
                  tries: PIN_FORMAT[pin].locksAfterWrongTries,
                })}
              />
            </ListItem>
          ))}
        </List>
      </Section>
    </Stack>
  );
}
