import type { AuthProvider } from 'react-admin';
import { clearAllDrafts } from './cases/registration/draft';
import { i18nProvider } from './i18n';
import { currentSession, forgetSession, logIn } from './session';

const say = (key: string) => i18nProvider.translate(key);

export { currentSession, type Session } from './session';

/** Login against `POST /api/auth/login`; the API's message is shown as it is, in the console's language. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    await logIn(username, password, say('madoguchi.auth.loginFailed'));
  },
  async logout() {
    const session = currentSession();
    forgetSession();
    // Counter PCs are shared: what one clerk was typing is not left for the next.
    clearAllDrafts();
    if (session) await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.accessToken}` } }).catch(() => undefined);
  },
  async checkAuth() {
    if (!currentSession()) throw new Error(say('madoguchi.auth.pleaseLogIn'));
  },
  async checkError(error: { status?: number }) {
    if (error.status === 401) {
      forgetSession();
      throw new Error(say('madoguchi.auth.pleaseLogIn'));
    }
  },
  async getIdentity() {
    const session = currentSession();
    if (!session) throw new Error(say('madoguchi.auth.pleaseLogIn'));
    return { id: session.user.id, fullName: session.user.displayName };
  },
  async getPermissions() {
    return currentSession()?.user.role;
  },
};
