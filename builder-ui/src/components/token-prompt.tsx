// Shown when no dev session is available: the user pastes an API token, kept in localStorage.
import { useState, type FormEvent } from 'react';

type TokenPromptProps = { notice: string | null; onSubmit: (token: string) => void };

export function TokenPrompt({ notice, onSubmit }: TokenPromptProps) {
  const [token, setToken] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed) onSubmit(trimmed);
  };

  return (
    <div className="token-screen">
      <form className="card token-card" onSubmit={submit} data-testid="token-form">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">T</span> Trellis
        </div>
        <h1>Sign in with an API token</h1>
        <p className="muted">
          No development session is available on this server. Paste an API token issued for your
          organisation; it is stored in this browser only.
        </p>
        {notice && <div className="notice notice-error">{notice}</div>}
        <label className="field">
          <span>API token</span>
          <textarea
            value={token}
            onChange={(event) => setToken(event.target.value)}
            rows={3}
            spellCheck={false}
            placeholder="trl_…"
            data-testid="token-input"
          />
        </label>
        <button type="submit" className="button button-primary" disabled={!token.trim()} data-testid="token-submit">
          Continue
        </button>
      </form>
    </div>
  );
}
