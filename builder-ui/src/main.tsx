// Entry point of the Trellis web UI: finds a session (the embedded dev session, else a signed-in
// session cookie, else a pasted API token kept in localStorage; failing all, the sign-in page),
// then mounts the app shell.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  fetchCookieSession,
  fetchDevSession,
  readStoredToken,
  setBearerToken,
  setCsrfToken,
  setUnauthorizedHandler,
  signOutSession,
  storeToken,
} from './api';
import type { CookieSession } from './api-types';
import { AppShell, type ActiveSession } from './components/app-shell';
import { LoginForm } from './components/login-form';
import './styles.css';
import './workspace.css';

type SessionState =
  | { phase: 'loading' }
  | { phase: 'needs-token'; notice: string | null }
  | { phase: 'ready'; session: ActiveSession };

function TrellisApp() {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });

  const signOut = useCallback((notice: string | null) => {
    storeToken(null);
    setBearerToken(null);
    setCsrfToken(null);
    setState({ phase: 'needs-token', notice });
  }, []);

  const acceptCookieSession = (session: CookieSession) => {
    setBearerToken(null);
    setCsrfToken(session.csrfToken);
    setState({ phase: 'ready', session: { user: session.user, org: session.org, isPastedToken: false, isCookieSession: true } });
  };

  useEffect(() => {
    let isCancelled = false;
    void (async () => {
      const devSession = await fetchDevSession();
      if (isCancelled) return;
      if (devSession) {
        setBearerToken(devSession.token);
        setState({ phase: 'ready', session: { user: devSession.user, org: devSession.org, isPastedToken: false } });
        return;
      }
      const cookieSession = await fetchCookieSession();
      if (isCancelled) return;
      if (cookieSession) {
        acceptCookieSession(cookieSession);
        return;
      }
      const storedToken = readStoredToken();
      if (storedToken) {
        setBearerToken(storedToken);
        setState({ phase: 'ready', session: { user: null, org: null, isPastedToken: true } });
      } else {
        setState({ phase: 'needs-token', notice: null });
      }
    })();
    return () => {
      isCancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signOut('Your session ended or the token was rejected (401). Sign in again.'));
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  const acceptToken = (token: string) => {
    storeToken(token);
    setBearerToken(token);
    setState({ phase: 'ready', session: { user: null, org: null, isPastedToken: true } });
  };

  if (state.phase === 'loading') {
    return <div className="boot-screen" data-testid="boot-screen">Connecting to Trellis…</div>;
  }
  if (state.phase === 'needs-token') {
    return <LoginForm notice={state.notice} onSignedIn={acceptCookieSession} onToken={acceptToken} />;
  }
  const endSession = () => {
    if (state.session.isCookieSession) void signOutSession().then(() => signOut(null));
    else signOut(null);
  };
  return <AppShell session={state.session} onSignOut={endSession} />;
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element in index.html');
createRoot(rootElement).render(
  <StrictMode>
    <TrellisApp />
  </StrictMode>,
);
