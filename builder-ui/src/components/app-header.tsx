// Top bar: product mark, the organisation in use and who is signed in.
import type { ActiveSession } from './app-shell';

type AppHeaderProps = { session: ActiveSession; onSignOut: () => void };

function initialsOf(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return parts.slice(0, 2).map((part) => part[0]?.toUpperCase() ?? '').join('') || '?';
}

export function AppHeader({ session, onSignOut }: AppHeaderProps) {
  const { user, org } = session;
  return (
    <header className="app-header">
      <a className="brand" href="#/inbox">
        <span className="brand-mark" aria-hidden="true">T</span> Trellis
      </a>
      <div className="header-org" data-testid="header-org">
        {org ? org.name : 'API token session'}
      </div>
      <div className="header-user" data-testid="header-user">
        {user ? (
          <>
            <span className="avatar" aria-hidden="true">{initialsOf(user.name)}</span>
            <span className="header-user-text">
              <strong>{user.name}</strong>
              <small>
                {user.email} · {user.role}
              </small>
            </span>
          </>
        ) : (
          <span className="muted">Signed in with a pasted token</span>
        )}
        {(session.isPastedToken || session.isCookieSession) && (
          <button type="button" className="button button-ghost button-small" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </button>
        )}
      </div>
    </header>
  );
}
