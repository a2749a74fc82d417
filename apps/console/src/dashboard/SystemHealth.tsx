import { Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import type { Health } from '@madoguchi/contract';
import { useApi } from '../useApi';

type Reachability = Health['database'];

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

/** システムの状態: whether the database and the queue answer, in words and colour. */
export function SystemHealth() {
  const translate = useTranslate();
  const api = useApi();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.health(), retry: false });
  if (health.isError) {
    return (
      <Typography color="error" role="alert">
        {translate('madoguchi.dashboard.unreachable')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1}>
      <Status label={translate('madoguchi.dashboard.database')} state={health.data?.database} />
      <Status label={translate('madoguchi.dashboard.queue')} state={health.data?.redis} />
    </Stack>
  );
}
