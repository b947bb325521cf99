// One email caught by the dev SMTP sink. HTML renders in a sandboxed iframe (no scripts, no
// same-origin access) because candidate-facing templates are untrusted content here.
import type { MailboxMessage } from '../api-types';
import { formatDateTime } from '../format';

export function MailMessageView({ message }: { message: MailboxMessage | undefined }) {
  if (!message) {
    return <div className="mail-view mail-view-empty muted">Select a message to read it.</div>;
  }
  return (
    <article className="mail-view" data-testid="mail-viewer" data-message-id={message.id}>
      <header className="mail-view-header">
        <h2 data-testid="mail-subject">{message.subject || '(no subject)'}</h2>
        <dl className="definition-grid">
          <dt>From</dt>
          <dd>{message.from}</dd>
          <dt>To</dt>
          <dd data-testid="mail-to">{message.to.join(', ')}</dd>
          <dt>Received</dt>
          <dd>{formatDateTime(message.receivedAt)}</dd>
        </dl>
      </header>
      {message.html ? (
        <iframe
          className="mail-html"
          title={`Email: ${message.subject}`}
          sandbox=""
          srcDoc={message.html}
          data-testid="mail-html"
        />
      ) : (
        <pre className="mail-text" data-testid="mail-text">{message.text ?? ''}</pre>
      )}
    </article>
  );
}
