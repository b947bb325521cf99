// Sign-in page when there is no dev session and no pasted token: email and password (the server
// sets an HttpOnly session cookie), with the API-token prompt kept as the alternative.
import { useState, type FormEvent } from 'react';
import { ApiError, signIn } from '../api';
import type { CookieSession } from '../api-types';
import { TokenPrompt } from './token-prompt';
import './login-form.css';

type LoginFormProps = {
  notice: string | null;
  onSignedIn: (session: CookieSession) => void;
  onToken: (token: string) => void;
};

export function LoginForm({ notice, onSignedIn, onToken }: LoginFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isTokenMode, setIsTokenMode] = useState(false);

  if (isTokenMode) {
    return (
      <div>
        <TokenPrompt notice={notice} onSubmit={onToken} />
        <p className="login-switch">
          <button type="button" className="button button-ghost button-small" onClick={() => setIsTokenMode(false)} data-testid="login-use-password">
            Sign in with email and password instead
          </button>
        </p>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (err) {
      // The API answers one generic message for every wrong combination; 429 says to wait.
      setError(err instanceof ApiError ? err.message : 'Sign-in failed.');
      setIsBusy(false);
    }
  };

  return (
    <div className="token-screen">
      <form className="card token-card login-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">T</span> Trellis
        </div>
        <h1>Sign in</h1>
        {notice && <div className="notice notice-error">{notice}</div>}
        {error && <div className="notice notice-error" role="alert" data-testid="login-error">{error}</div>}
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        <button type="submit" className="button button-primary" disabled={isBusy || !email.trim() || !password} data-testid="login-submit">
          {isBusy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login-switch">
          <button type="button" className="button button-ghost button-small" onClick={() => setIsTokenMode(true)} data-testid="login-use-token">
            Use an API token instead
          </button>
        </p>
      </form>
    </div>
  );
}
