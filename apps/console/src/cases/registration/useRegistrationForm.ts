import type { ApiErrorDetail } from '@madoguchi/contract';
import { answerRequirements, japanDate, type AttestationId, type DocumentType, type Presenter, type RequirementsAnswer } from '@madoguchi/domain';
import { useEffect, useMemo, useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';
import { isoOf } from '../../dates/JapaneseDateInput';
import { addButtonId } from '../../documents/Checklist';
import { documentRow } from '../../documents/DocumentsEditor';
import { toPresented, unreadableDates, withAttestation } from '../../documents/rows';
import { useWording } from '../../i18n/wording';
import { usePolicy } from '../../municipality';
import { messageOf } from '../../useAction';
import { useApi } from '../../useApi';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { agentBirthDate, certificateFacts, EMPTY_FORM, kindFor, registrationBody, waiversOf, type Person, type RegistrationForm } from './form';

/** Something still needed before the case can be registered: what, and the field that takes it. */
export interface MissingItem {
  /** The element to focus (a field, or the checklist's add button). */
  target?: string;
  text: string;
}

const PERSON_FIELDS: readonly (keyof Person)[] = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'postalCode', 'address'];
/** The representative's postal code and address are optional. */
const REPRESENTATIVE_REQUIRED: readonly (keyof Person)[] = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'];

/** Where on the form a rule's refusal points (its `path`), when it is not a document line. */
function targetOf(path: string | undefined, form: RegistrationForm): string | undefined {
  if (!path) return undefined;
  if (path.startsWith('documents.')) return addButtonId(path.slice('documents.'.length));
  if (path === 'route') return `route-${form.route}`;
  if (path === 'pins') return `pin-${form.pins[0] ?? 'signature'}`;
  if (path === 'note') return 'note';
  return path.replace('.', '-');
}

/**
 * 新規受付's state: the form (kept as a draft in the tab), the rules' live answer, what is still
 * missing, and the registration itself with its Idempotency-Key. The rules run here, beside the
 * form; a rule that fails is caught and reported, never allowed to take the form down with it.
 */
export function useRegistrationForm() {
  const translate = useTranslate();
  const wording = useWording();
  const api = useApi();
  const policy = usePolicy();
  const [restored] = useState(loadDraft);
  const [form, setForm] = useState<RegistrationForm>(() => (restored ? { ...EMPTY_FORM, ...restored.form } : EMPTY_FORM));
  const [idempotencyKey, setIdempotencyKey] = useState(() => restored?.idempotencyKey ?? crypto.randomUUID());
  const [showRestored, setShowRestored] = useState(!!restored);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; details: ApiErrorDetail[] }>();
  const [registered, setRegistered] = useState<{ id: string; receiptNumber: string }>();
  const [focus, setFocus] = useState<string>();

  useEffect(() => {
    if (!registered && form !== EMPTY_FORM) saveDraft({ form, idempotencyKey });
  }, [form, idempotencyKey, registered]);

  // A field asked for (after a one-click document, or from the list of what is missing) gets the focus once it is drawn.
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(undefined);
  }, [focus]);

  const today = japanDate(new Date());
  const kind = kindFor(form);
  const birthDate = isoOf(form.birthDate, 'birth', today);
  const presented = useMemo(() => toPresented(form.documents), [form.documents]);

  const rules = useMemo((): { answer?: RequirementsAnswer; error?: Error } => {
    if (!policy || !birthDate) return {};
    try {
      const answer = answerRequirements(
        {
          route: form.route,
          reason: form.reason,
          pins: form.pins,
          holder: { birthDate, adultWard: form.adultWard, hasSignatureCertificate: form.hasSignatureCertificate, ...certificateFacts(form, today) },
          representative: kind ? { kind, birthDate: agentBirthDate(form, today) } : null,
          waivers: waiversOf(form),
          documents: presented,
          attested: form.attested,
          note: form.note || null,
          on: today,
        },
        policy,
      );
      return { answer };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [policy, form, kind, birthDate, presented, today]);

  const missing: MissingItem[] = [];
  if (!birthDate) missing.push({ target: 'holder-birthDate', text: translate('madoguchi.register.birthDate') });
  // Where the city requires the register, the agent route's holder is picked from it.
  if (form.route === 'voluntary_agent' && policy?.residentRegister === 'required' && !form.residentId) {
    missing.push({ target: 'resident-lookup', text: translate('madoguchi.residents.required') });
  }
  if (rules.error) missing.push({ text: translate('madoguchi.register.rulesFailed') });
  for (const p of rules.answer?.problems ?? []) missing.push({ target: targetOf(p.path, form), text: wording.refusal(p) });
  for (const u of unreadableDates(form.documents, 'visit1')) {
    missing.push({
      target: u.id,
      text: translate('madoguchi.register.unreadableDate', {
        n: u.index + 1,
        field: translate(u.field === 'issuedOn' ? 'madoguchi.documents.issuedOn' : 'madoguchi.documents.expiresOn'),
      }),
    });
  }
  const people = [['holder', PERSON_FIELDS] as const, ...(kind ? [['representative', REPRESENTATIVE_REQUIRED] as const] : [])];
  for (const [who, fields] of people) {
    for (const field of fields) {
      if (!form[who][field].trim()) {
        missing.push({
          target: `${who}-${field}`,
          text: `${translate(who === 'holder' ? 'madoguchi.register.holder' : 'madoguchi.register.representativeShort')}：${translate(`madoguchi.register.${field}`)}`,
        });
      }
    }
  }
  const canSubmit = missing.length === 0 && !!rules.answer?.readyToRegister && !submitting;

  const set = (patch: Partial<RegistrationForm>) => setForm((f) => ({ ...f, ...patch }));
  const setPerson = (who: 'holder' | 'representative', patch: Partial<Person>) => setForm((f) => ({ ...f, [who]: { ...f[who], ...patch } }));

  /** One click from the checklist: the row is added already set, and its expiry date takes the focus. */
  function addDocument(presentedBy: Presenter, type: DocumentType) {
    const index = form.documents.length;
    set({ documents: [...form.documents, documentRow(presentedBy, type)] });
    setFocus(`visit1-expires-${index}`);
  }

  async function submit() {
    setSubmitting(true);
    setRefusal(undefined);
    try {
      const registered = await api.registerCase(registrationBody(form), idempotencyKey);
      clearDraft();
      setRegistered(registered);
    } catch (error) {
      const details = error instanceof HttpError ? ((error.body as { details?: ApiErrorDetail[] } | undefined)?.details ?? []) : [];
      setRefusal({ message: messageOf(error), details });
    } finally {
      setSubmitting(false);
    }
  }

  /** A new, empty form with a new Idempotency-Key: the next walk-in, or the draft thrown away. */
  function startAfresh() {
    clearDraft();
    setForm(EMPTY_FORM);
    setRegistered(undefined);
    setRefusal(undefined);
    setShowRestored(false);
    setIdempotencyKey(crypto.randomUUID());
    window.scrollTo(0, 0);
  }

  const attest = (id: AttestationId, ticked: boolean) => setForm((f) => ({ ...f, attested: withAttestation(f.attested, id, ticked) }));

  return {
    form,
    policy,
    set,
    setPerson,
    addDocument,
    attest,
    kind,
    birthDate,
    today,
    answer: rules.answer,
    rulesError: rules.error,
    missing,
    canSubmit,
    submitting,
    submit,
    refusal,
    /** The API's message for a field it refused, by the field's path (`holder.familyName`). */
    fieldError: (path: string) => refusal?.details.find((d) => d.path === path)?.message,
    registered,
    startAfresh,
    showRestored,
    dismissRestored: () => setShowRestored(false),
    focusOn: setFocus,
  };
}

export type RegistrationState = ReturnType<typeof useRegistrationForm>;
