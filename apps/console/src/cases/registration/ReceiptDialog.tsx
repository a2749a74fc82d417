import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** 受付番号: large on screen, to read aloud; then the case, or the next walk-in. */
export function ReceiptDialog({ registered, onNext }: { registered?: { id: string; receiptNumber: string }; onNext: () => void }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  return (
    <Dialog open={!!registered} aria-labelledby="registered-title" maxWidth="sm" fullWidth>
      <DialogTitle id="registered-title">{translate('madoguchi.register.done')}</DialogTitle>
      <DialogContent>
        <Typography>{translate('madoguchi.register.receiptNumber')}</Typography>
        <Typography component="p" sx={{ fontSize: '3rem', fontWeight: 'bold', letterSpacing: '0.08em', my: 2 }} data-testid="receipt-number">
          {registered?.receiptNumber}
        </Typography>
        <Typography>{translate('madoguchi.register.readAloud')}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => registered && navigate(createPath({ resource: 'cases', type: 'show', id: registered.id }))}>
          {translate('madoguchi.register.openCase')}
        </Button>
        <Button variant="contained" onClick={onNext} autoFocus>
          {translate('madoguchi.register.next')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
