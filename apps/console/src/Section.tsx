import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A titled part of a page: a card that is a `<section>` named by its own heading, so screen
 * readers list it under its title.
 */
export function Section({
  id,
  title,
  titleColor,
  gutterBottom = true,
  children,
}: {
  id: string;
  title: ReactNode;
  titleColor?: 'error';
  gutterBottom?: boolean;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <CardContent>
        <Typography variant="h6" component="h2" id={id} gutterBottom={gutterBottom} color={titleColor}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
