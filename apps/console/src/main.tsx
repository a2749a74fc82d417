import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginScreen } from './LoginScreen';
import { currentSession } from './session';

// The console (react-admin, MUI, the rules) starts loading at once, and loads while the login form is on screen.
const loading = import('./App');
const App = lazy(async () => ({ default: (await loading).App }));

function Root() {
  const [loggedIn, setLoggedIn] = useState(() => !!currentSession());
  if (!loggedIn) {
    return (
      <LoginScreen
        onLoggedIn={() => {
          if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
          setLoggedIn(true);
        }}
      />
    );
  }
  return (
    <Suspense fallback={null}>
      <App />
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
