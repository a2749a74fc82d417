import { japanDate } from '@madoguchi/domain';
import { Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useWording } from '../i18n/wording';
import { useMayTake } from '../roles';
import { Supervision } from './Supervision';
import { SystemHealth } from './SystemHealth';

/** The first screen: today, shortcuts for the role, the supervisors' overview, and whether the system answers. */
export function Dashboard() {
  const translate = useTranslate();
  const wording = useWording();
  const mayTake = useMayTake();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('madoguchi.title')} />
      <Card>
        <CardHeader title={translate('madoguchi.dashboard.heading')} subheader={wording.date(japanDate(new Date()))} />
        <CardContent>
          <Typography sx={{ mb: 2 }}>{translate('madoguchi.dashboard.intro')}</Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
            {mayTake('registerCase') && (
              <Button variant="contained" component={Link} to="/cases/create">
                {translate('madoguchi.cases.register')}
              </Button>
            )}
            {mayTake('lookupReply') && (
              <Button variant="outlined" component={Link} to="/reply-desk">
                {translate('madoguchi.replyDesk.title')}
              </Button>
            )}
            {mayTake('printLetters') && (
              <Button variant="outlined" component={Link} to="/print-desk">
                {translate('madoguchi.printDesk.title')}
              </Button>
            )}
          </Stack>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {translate('madoguchi.dashboard.system')}
          </Typography>
          <SystemHealth />
        </CardContent>
      </Card>
      {mayTake('supervise') && <Supervision />}
    </Stack>
  );
}
