import { checkDocuments, checklistLines, japanDate, PIN, requiredDocuments, type AttestationId, type DocumentType, type Presenter } from '@madoguchi/domain';
import type { CaseView, ReplyMatch, TransitionBody } from '@madoguchi/contract';
import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import { currentSession } from '../authProvider';
import { CASE_VIEW_META } from '../cases/CaseShow';
import { CompleteDialog } from '../cases/show/Actions';
import { Checklist } from '../documents/Checklist';
import { documentRow, DocumentsEditor } from '../documents/DocumentsEditor';
import { toPresented, unreadableDates, withAttestation, type DocumentRow } from '../documents/rows';
import { PanelBoundary } from '../errors/PanelBoundary';
import { useWording } from '../i18n/wording';
import { usePolicy } from '../municipality';
import { Section } from '../Section';
import { useAction } from '../useAction';
import { useApi } from '../useApi';
import { useMayTake } from '../roles';

/**
 * The second visit: the documents checked against the case's own policy (one click each from the
 * checklist), the reply recorded, then — once the PINs are in the national terminal — completion,
 * with the same confirmation as on the case page.
 */
export function SecondVisit({ match, codes, onDone }: { match: ReplyMatch; codes: { inquiryNumber: string; checkCode: string }; onDone: () => void }) {
  const translate = useTranslate();
  const wording = useWording();
  const act = useAction();
  const api = useApi();
  const { data: record, refetch } = useGetOne<CaseView>('cases', { id: match.caseId, meta: CASE_VIEW_META });
  const policy = usePolicy(record?.policyVersion);
  const [rows, setRows] = useState<DocumentRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [focus, setFocus] = useState<string>();
  // After the deadline only a supervisor records the reply, saying why (the API refuses anyone else).
  const mayTake = useMayTake();
  const late = match.deadlinePassed;
  const [lateNote, setLateNote] = useState('');
  const [agentConfirmed, setAgentConfirmed] = useState(false);
  const [attested, setAttested] = useState<AttestationId[]>([]);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);
  if (!record || !policy) return null;

  const required = requiredDocuments({ route: record.route, visit: 2, representativeKind: record.representative?.kind ?? null }, policy);
  const check = checkDocuments(required, toPresented(rows), japanDate(new Date()), policy, attested);
  const unreadable = unreadableDates(rows, 'visit2');
  // The reply is taken at the counter where the agent applied, when the case's policy says so (the API refuses it elsewhere).
  const elsewhere = policy.repliesAtRegisteringOffice && record.officeId !== currentSession()?.user.officeId;

  function add(presentedBy: Presenter, type: DocumentType) {
    setRows((r) => [...r, documentRow(presentedBy, type)]);
    // A document the holder or agent shows has an expiry to type; the sealed reply has none.
    if (type !== 'sealed_reply_form') setFocus(`visit2-expires-${rows.length}`);
  }

  async function move(body: Omit<TransitionBody, 'version'>, done: string) {
    setBusy(true);
    await act(() => api.transition(record!.id, { version: record!.version, ...body }), done);
    await refetch();
    setBusy(false);
  }

  if (record.state === 'reply_returned' || record.state === 'completed') {
    return (
      <Card>
        <CardContent>
          <Alert severity="success" sx={{ mb: 2 }}>
            {translate(record.state === 'completed' ? 'madoguchi.replyDesk.completed' : 'madoguchi.replyDesk.recorded')}
          </Alert>
          {record.state === 'reply_returned' && (
            <>
              <Typography sx={{ mb: 2 }}>
                {translate('madoguchi.replyDesk.enterPins', { pins: wording.list(record.pins.map((p) => wording.label(PIN, p))) })}
              </Typography>
              <Button variant="contained" disabled={busy} onClick={() => setCompleting(true)} id="reply-complete">
                {translate('madoguchi.case.complete')}
              </Button>
              <CompleteDialog
                open={completing}
                record={record}
                onClose={() => setCompleting(false)}
                onConfirm={() => {
                  setCompleting(false);
                  void move({ to: 'completed' }, 'madoguchi.case.moved');
                }}
              />
            </>
          )}
          {record.state === 'completed' && (
            <Button variant="contained" onClick={onDone} id="reply-next">
              {translate('madoguchi.replyDesk.next')}
            </Button>
          )}
        </CardContent>
      </Card>
    );
  }

  return (
    <Section id="visit2-title" title={translate('madoguchi.replyDesk.documents')}>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Box sx={{ flex: 2 }}>
          <PanelBoundary name="documents">
            <DocumentsEditor rows={rows} onChange={setRows} presenters={['holder', 'representative']} idPrefix="visit2" />
          </PanelBoundary>
        </Box>
        <Box sx={{ flex: 1 }}>
          <PanelBoundary name="checklist">
            <Checklist
              lines={checklistLines(check)}
              label={translate('madoguchi.register.visit2')}
              onAdd={add}
              onAttest={(id, ticked) => setAttested((a) => withAttestation(a, id, ticked))}
            />
          </PanelBoundary>
        </Box>
      </Stack>
      {check.unusable.map((u) => (
        <Alert key={u.index} severity="warning" sx={{ mt: 1 }}>
          {translate('madoguchi.register.unusable', { n: u.index + 1, why: wording.refusal(u.problem) })}
        </Alert>
      ))}
      {elsewhere && (
        <Alert severity="error" sx={{ mt: 2 }} id="reply-elsewhere">
          {translate('madoguchi.replyDesk.elsewhere', { office: match.officeName })}
        </Alert>
      )}
      <FormControlLabel
        sx={{ mt: 2, display: 'flex' }}
        control={<Checkbox id="reply-agent-confirmed" checked={agentConfirmed} onChange={(e) => setAgentConfirmed(e.target.checked)} />}
        label={translate('madoguchi.replyDesk.agentConfirmed', { name: match.agentName })}
      />
      {late && mayTake('acceptLateReply') && (
        <TextField
          sx={{ mt: 2 }}
          fullWidth
          required
          id="reply-late-note"
          label={translate('madoguchi.replyDesk.lateAccept')}
          value={lateNote}
          onChange={(e) => setLateNote(e.target.value)}
        />
      )}
      <Button
        sx={{ mt: 2 }}
        variant="contained"
        disabled={
          !check.satisfied || unreadable.length > 0 || busy || !agentConfirmed || elsewhere || (late && (!mayTake('acceptLateReply') || !lateNote.trim()))
        }
        onClick={() =>
          void move(
            { to: 'reply_returned', reply: codes, agentConfirmed, attested, documents: toPresented(rows), ...(late ? { note: lateNote.trim() } : {}) },
            'madoguchi.replyDesk.recorded',
          )
        }
        id="reply-record"
      >
        {translate('madoguchi.replyDesk.record')}
      </Button>
    </Section>
  );
}
