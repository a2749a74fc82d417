import { Box, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';

/** Horizontal bars with their numbers written out: the bars help the eye, the numbers carry the meaning. */
export function Bars({ rows, label }: { rows: { label: string; count: number; to?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Box component="dl" aria-label={label} sx={{ m: 0 }}>
      {rows.map((r) => (
        <Stack key={r.label} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.75 }}>
          <Typography component="dt" sx={{ width: 120, flexShrink: 0 }}>
            {r.to ? <Link to={r.to}>{r.label}</Link> : r.label}
          </Typography>
          <Box component="dd" sx={{ m: 0, flex: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
            <Box aria-hidden sx={{ height: 18, width: `${(r.count / max) * 100}%`, minWidth: r.count ? 4 : 0, bgcolor: 'primary.main', borderRadius: 0.5 }} />
            <Typography sx={{ fontWeight: 'bold' }}>{r.count}</Typography>
          </Box>
        </Stack>
      ))}
    </Box>
  );
}

/** A link into the case list with its filters set. */
export const casesWith = (filter: object) => `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;
