import { useState, type FormEvent } from 'react';
import { chosenLocale, logIn, LoginRefused } from './session';

/** The first screen's words, in both languages (react-admin's messages are not loaded yet). */
const WORDS = {
  ja: {
    title: '窓口 Madoguchi',
    subtitle: 'マイナンバーカード暗証番号の再設定',
    username: 'ユーザー名',
    password: 'パスワード',
    municipalityCode: '団体コード（6桁）',
    submit: 'ログイン',
    busy: 'ログインしています…',
    failed: 'ログインできませんでした。',
  },
  en: {
    title: '窓口 Madoguchi',
    subtitle: 'My Number Card PIN resets',
    username: 'Username',
    password: 'Password',
    municipalityCode: 'Municipality code (6 digits)',
    submit: 'Log in',
    busy: 'Logging in…',
    failed: 'Could not log in.',
  },
} as const;

const field = {
  display: 'block',
  width: '100%',
  boxSizing: 'border-box',
  padding: '10px 12px',
  marginTop: 4,
  fontSize: 16,
  border: '1px solid #757575',
  borderRadius: 4,
} as const;

/**
 * The login form, drawn before react-admin and MUI have loaded (they load while it is on screen):
 * a new tab at the counter shows it at once. The same form as react-admin's (username, password,
 * Enter), the API's refusal shown as it comes, in the console's language.
 */
export function LoginScreen({ onLoggedIn }: { onLoggedIn: () => void }) {
  const words = WORDS[chosenLocale()];
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  // Asked for only when the API says the username is more than one municipality's (a shared platform).
  const [askMunicipality, setAskMunicipality] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setRefusal(undefined);
    try {
      const code = String(form.get('municipalityCode') ?? '').trim();
      await logIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''), words.failed, code || undefined);
      onLoggedIn();
    } catch (error) {
      if (error instanceof LoginRefused && error.code === 'municipality_required') setAskMunicipality(true);
      setRefusal(error instanceof Error ? error.message : words.failed);
      setBusy(false);
    }
  }

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#0d47a1',
        fontFamily: '"BIZ UDPGothic", "Noto Sans JP", "Hiragino Sans", "Meiryo", sans-serif',
      }}
    >
      <form
        onSubmit={(e) => void submit(e)}
        aria-labelledby="login-title"
        style={{ background: '#fff', borderRadius: 8, padding: 32, width: 340, boxShadow: '0 2px 12px rgba(0,0,0,.3)' }}
      >
        <h1 id="login-title" style={{ margin: 0, fontSize: 24 }}>
          {words.title}
        </h1>
        <p style={{ marginTop: 4, color: '#424242' }}>{words.subtitle}</p>
        <label style={{ display: 'block', marginTop: 16 }}>
          {words.username}
          <input name="username" autoComplete="username" required autoFocus style={field} />
        </label>
        <label style={{ display: 'block', marginTop: 16 }}>
          {words.password}
          <input name="password" type="password" autoComplete="current-password" required style={field} />
        </label>
        {askMunicipality && (
          <label style={{ display: 'block', marginTop: 16 }}>
            {words.municipalityCode}
            <input name="municipalityCode" inputMode="numeric" pattern="\d{6}" maxLength={6} required autoFocus style={field} />
          </label>
        )}
        {refusal && (
          <p role="alert" style={{ color: '#b71c1c', marginTop: 12 }}>
            {refusal}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          style={{
            marginTop: 20,
            width: '100%',
            padding: '10px 0',
            fontSize: 16,
            color: '#fff',
            background: '#1565c0',
            border: 0,
            borderRadius: 4,
            cursor: 'pointer',
          }}
        >
          {busy ? words.busy : words.submit}
        </button>
      </form>
    </main>
  );
}
