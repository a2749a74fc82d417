import type { ReplyCheck } from '@madoguchi/contract';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../../dates/DateText';
import { useApi } from '../../useApi';
import { StaffName } from './History';

/** 回答書の照合の記録: every check of the case's returned reply, newest first (the codes typed are never kept). */
export function ReplyChecks({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const api = useApi();
  const { data } = useQuery({ queryKey: ['cases', caseId, 'reply-checks'], queryFn: () => api.replyChecks(caseId) });
  if (!data) return null;
  if (data.length === 0) return <Typography color="text.secondary">{translate('madoguchi.case.replyChecksNone')}</Typography>;
  const outcome = (c: ReplyCheck) => translate(`madoguchi.case.replyCheckOutcome.${c.outcome}`, { _: c.outcome });
  return (
    <Table size="small" data-testid="reply-checks">
      <TableHead>
        <TableRow>
          <TableCell>{translate('madoguchi.case.checkedAt')}</TableCell>
          <TableCell>{translate('madoguchi.case.checkedBy')}</TableCell>
          <TableCell>{translate('madoguchi.case.checkKind')}</TableCell>
          <TableCell>{translate('madoguchi.case.inquiryNumber')}</TableCell>
          <TableCell>{translate('madoguchi.case.checkOutcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((c, i) => (
          <TableRow key={i}>
            <TableCell>
              <DateTimeText at={c.at} />
            </TableCell>
            <TableCell>
              <StaffName staff={c.actor} />
            </TableCell>
            <TableCell>{translate(`madoguchi.case.replyCheckKind.${c.kind}`)}</TableCell>
            <TableCell>{c.inquiryNumber}</TableCell>
            <TableCell sx={c.outcome === 'matched' ? undefined : { color: 'error.main' }}>{outcome(c)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
