import { EMPTY_FORM, type RegistrationForm } from './form';

/**
 * The registration in progress, kept in this tab (sessionStorage) until it is registered or
 * discarded: a reload or a crash brings it back. It keeps its Idempotency-Key, so a registration
 * whose 201 the tab never saw is found again, not made twice. Logging out erases every draft:
 * counter PCs are shared.
 */
const PREFIX = 'madoguchi.draft.';
const KEY = `${PREFIX}registration`;

export interface RegistrationDraft {
  form: RegistrationForm;
  idempotencyKey: string;
}

export function loadDraft(): RegistrationDraft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as RegistrationDraft | null;
    // A draft kept before a field was added takes that field's empty value.
    return draft && typeof draft.idempotencyKey === 'string' && typeof draft.form === 'object'
      ? { ...draft, form: { ...EMPTY_FORM, ...draft.form } }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(draft: RegistrationDraft): void {
  sessionStorage.setItem(KEY, JSON.stringify(draft));
}

export function clearDraft(): void {
  sessionStorage.removeItem(KEY);
}

/** Every draft of this tab: at logout, so the next person at the PC finds none. */
export function clearAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
