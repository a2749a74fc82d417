import type { LoginAnswer, LoginBody } from '@madoguchi/contract';

/**
 * The login of this browser tab (sessionStorage: a shared counter PC forgets it when the tab
 * closes), with nothing of react-admin in it, so the first screen can log in before the rest of
 * the console has loaded.
 */
const STORAGE_KEY = 'madoguchi.session';
/** Where react-admin keeps the chosen language. */
const LOCALE_KEY = 'RaStore.locale';

/** The login's answer, kept as it came. */
export type Session = LoginAnswer;

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  return new Date(session.expiresAt) > new Date() ? session : undefined;
}

export function forgetSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** The language the console shows: the one chosen in its menu, Japanese otherwise. */
export function chosenLocale(): 'ja' | 'en' {
  try {
    return JSON.parse(localStorage.getItem(LOCALE_KEY) ?? '"ja"') === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** `POST /api/auth/login`; a refusal is thrown with the API's message in the console's language. */
/** A refused login; `code` says what the form should ask for next (municipality_required: the 団体コード). */
export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function logIn(username: string, password: string, fallbackMessage: string, municipalityCode?: string): Promise<Session> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': chosenLocale() },
    body: JSON.stringify({ username, password, ...(municipalityCode ? { municipalityCode } : {}) } satisfies LoginBody),
  });
  const body = (await res.json().catch(() => ({}))) as Session & { message?: string; code?: string };
  if (!res.ok) throw new LoginRefused(body.message ?? fallbackMessage, body.code);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(body));
  return body;
}
