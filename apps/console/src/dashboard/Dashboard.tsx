import { formatJapaneseDate, japanDate } from '@madoguchi/domain';
import { Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';

type Reachability = 'up' | 'down';
type Health = { database: Reachability; redis: Reachability } | 'unreachable' | undefined;

function Status({ label, state }: { label: string; state: Reachability | undefined }) {
  const translate = useTranslate();
  const text = state ? translate(`madoguchi.dashboard.${state}`) : translate('madoguchi.dashboard.checking');
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography sx={{ minWidth: 160 }}>{label}</Typography>
      <Chip label={text} variant="outlined" color={state === 'up' ? 'success' : state === 'down' ? 'error' : 'default'} aria-label={`${label}: ${text}`} />
    </Stack>
  );
}

/** The first screen: what this is, today in the era calendar, and whether the system behind it answers. */
export function Dashboard() {
  const translate = useTranslate();
  const [health, setHealth] = useState<Health>();

  useEffect(() => {
    const controller = new AbortController();
    fetch('/health', { signal: controller.signal })
      .then((res) => res.json() as Promise<{ database: Reachability; redis: Reachability }>)
      .then((body) => setHealth({ database: body.database, redis: body.redis }))
      .catch(() => {
        if (!controller.signal.aborted) setHealth('unreachable');
      });
    return () => controller.abort();
  }, []);

  const report = typeof health === 'object' ? health : undefined;
  return (
    <Card>
      <Title title={translate('madoguchi.title')} />
      <CardHeader title={translate('madoguchi.dashboard.heading')} subheader={formatJapaneseDate(japanDate(new Date()))} />
      <CardContent>
        <Typography sx={{ mb: 3 }}>{translate('madoguchi.dashboard.intro')}</Typography>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('madoguchi.dashboard.system')}
        </Typography>
        {health === 'unreachable' ? (
          <Typography color="error" role="alert">
            {translate('madoguchi.dashboard.unreachable')}
          </Typography>
        ) : (
          <Stack spacing={1}>
            <Status label={translate('madoguchi.dashboard.database')} state={report?.database} />
            <Status label={translate('madoguchi.dashboard.queue')} state={report?.redis} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
