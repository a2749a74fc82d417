import type { AuthProvider } from 'react-admin';

/** Where the login lives: this browser tab only, so a shared counter PC forgets it when the tab closes. */
const STORAGE_KEY = 'madoguchi.session';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: string; officeId: string };
}

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  return new Date(session.expiresAt) > new Date() ? session : undefined;
}

/** Login against `POST /api/auth/login`; the API's Japanese message is shown as it is. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await res.json().catch(() => ({}))) as Session & { message?: string };
    if (!res.ok) throw new Error(body.message ?? 'ログインできませんでした。');
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(body));
  },
  async logout() {
    const session = currentSession();
    sessionStorage.removeItem(STORAGE_KEY);
    if (session) await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.accessToken}` } }).catch(() => undefined);
  },
  async checkAuth() {
    if (!currentSession()) throw new Error('ログインしてください。');
  },
  async checkError(error: { status?: number }) {
    if (error.status === 401) {
      sessionStorage.removeItem(STORAGE_KEY);
      throw new Error('ログインしてください。');
    }
  },
  async getIdentity() {
    const session = currentSession();
    if (!session) throw new Error('ログインしてください。');
    return { id: session.user.id, fullName: session.user.displayName };
  },
  async getPermissions() {
    return currentSession()?.user.role;
  },
};
