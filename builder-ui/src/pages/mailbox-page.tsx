// Mailbox: emails the embedded SMTP sink received (dev setup), so candidate and interviewer
// emails can be checked without a real mail server. Refreshes every 3 seconds.
import { useEffect, useState } from 'react';
import type { MailboxMessage } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { MailMessageView } from '../components/mail-message-view';
import { PageHeader } from '../components/page-header';
import { formatRelative } from '../format';
import { useApiResource } from '../use-api-resource';

const MAILBOX_POLL_MS = 3_000;

export function MailboxPage() {
  const mailbox = useApiResource<MailboxMessage[]>('/api/dev/mailbox', MAILBOX_POLL_MS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const messages = mailbox.data ?? [];

  // Open the newest message by default, but never move a selection the reader made.
  useEffect(() => {
    if (selectedId === null && messages[0]) setSelectedId(messages[0].id);
  }, [messages, selectedId]);

  const selected = messages.find((message) => message.id === selectedId);

  return (
    <section className="mailbox-page" data-testid="mailbox-page">
      <PageHeader
        title="Mailbox"
        subtitle={`Development SMTP sink · ${messages.length} message${messages.length === 1 ? '' : 's'} · refreshes every 3 seconds`}
      />
      <ErrorNotice error={mailbox.error} title="Could not load the mailbox" onRetry={() => void mailbox.reload()} />
      <div className="card mailbox-layout">
        <ul className="mail-list" data-testid="mail-list">
          {mailbox.isLoading && <li className="mail-list-empty muted">Loading…</li>}
          {!mailbox.isLoading && messages.length === 0 && (
            <li className="mail-list-empty muted" data-testid="mailbox-empty">
              No mail yet. Emails sent by pipelines show up here.
            </li>
          )}
          {messages.map((message) => (
            <li key={message.id}>
              <button
                type="button"
                className={message.id === selectedId ? 'mail-item is-selected' : 'mail-item'}
                onClick={() => setSelectedId(message.id)}
                data-testid="mail-item"
                data-message-id={message.id}
              >
                <span className="mail-item-top">
                  <strong className="mail-item-to">{message.to.join(', ')}</strong>
                  <time dateTime={message.receivedAt}>{formatRelative(message.receivedAt)}</time>
                </span>
                <span className="mail-item-subject">{message.subject || '(no subject)'}</span>
                <span className="mail-item-from muted">from {message.from}</span>
              </button>
            </li>
          ))}
        </ul>
        <MailMessageView message={selected} />
      </div>
    </section>
  );
}
