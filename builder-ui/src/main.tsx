// Entry point of the Trellis web UI: finds a session (the embedded dev session, else a pasted
// API token kept in localStorage), then mounts the app shell.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  fetchDevSession,
  readStoredToken,
  setBearerToken,
  setUnauthorizedHandler,
  storeToken,
} from './api';
import { AppShell, type ActiveSession } from './components/app-shell';
import { TokenPrompt } from './components/token-prompt';
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
    setState({ phase: 'needs-token', notice });
  }, []);

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
    setUnauthorizedHandler(() => signOut('The API rejected the token (401). Paste a valid API token.'));
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
    return <TokenPrompt notice={state.notice} onSubmit={acceptToken} />;
  }
  return <AppShell session={state.session} onSignOut={() => signOut(null)} />;
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element in index.html');
createRoot(rootElement).render(
  <StrictMode>
    <TrellisApp />
  </StrictMode>,
);
