// One entry of a candidate's timeline: what happened, to which application,
// who did it and when. Messages open in place (GET …/messages/:id); notes render
// their Markdown; scorecards show the score and the interviewer's notes.
import { useState, type ReactNode } from 'react';
import { apiGet } from '../api';
import type { CandidateMessage, TimelineEntry as TTimelineEntry } from '../api-types';
import { formatDateTime, formatRelative } from '../format';
import { ErrorNotice } from './error-notice';
import { StatusBadge } from './status-badge';
import { TimelineMarkdown } from './timeline-markdown';
import { describeCrmEntry, MessageEngagement } from '../crm/crm-timeline-entries';

const RECOMMENDATION_LABELS: Record<string, string> = { strong_yes: 'Strong hire', yes: 'Hire', no: 'No hire', strong_no: 'Strong no hire' };

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const onJob = (data: Record<string, unknown>) => (data.jobTitle ? ` · ${text(data.jobTitle)}` : '');

function describe(entry: TTimelineEntry): { title: ReactNode; detail?: ReactNode } {
  const d = entry.data;
  switch (entry.kind) {
    case 'application.created':
      return { title: <>Applied to <a href={`#/jobs/${encodeURIComponent(text(d.jobId))}`}>{text(d.jobTitle)}</a></>, detail: d.source ? `Source: ${text(d.source)}` : undefined };
    case 'stage.moved':
      return { title: `Moved from ${text(d.fromStage)} to ${text(d.toStage)}${onJob(d)}`, detail: [d.actorName ? `by ${text(d.actorName)}` : d.actorType === 'WORKFLOW' ? 'by the pipeline' : '', d.reason ? `“${text(d.reason)}”` : ''].filter(Boolean).join(' · ') || undefined };
    case 'application.rejected':
      return { title: `Rejected${onJob(d)}`, detail: [d.reason, d.note, d.actorName ? `by ${text(d.actorName)}` : ''].filter(Boolean).map(text).join(' · ') || undefined };
    case 'application.hired':
      return { title: `Hired${onJob(d)}` };
    case 'message.sent':
    case 'message.received':
      return { title: <>{entry.kind === 'message.sent' ? 'Email sent' : 'Email received'}: <b>{text(d.subject) || '(no subject)'}</b> <MessageEngagement data={d} /></> };
    case 'task.created':
      return { title: `Task: ${text(d.title)}`, detail: [d.assigneeName ? `for ${text(d.assigneeName)}` : d.assigneeRole ? `for any ${text(d.assigneeRole).toLowerCase()}` : '', d.dueAt ? `due ${formatDateTime(text(d.dueAt))}` : ''].filter(Boolean).join(' · ') || undefined };
    case 'task.completed':
      return { title: `Task done: ${text(d.title)}`, detail: d.actorName ? `by ${text(d.actorName)}` : undefined };
    case 'interview.requested':
      return { title: `Interview requested: ${text(d.title)}${onJob(d)}` };
    case 'interview.scheduled':
      return { title: `Interview scheduled: ${text(d.title)}${onJob(d)}`, detail: [d.startsAt ? formatDateTime(text(d.startsAt)) : '', Array.isArray(d.interviewers) && d.interviewers.length ? `with ${d.interviewers.map(text).join(', ')}` : ''].filter(Boolean).join(' · ') || undefined };
    case 'interview.cancelled':
      return { title: `Interview cancelled: ${text(d.title)}`, detail: d.reason ? text(d.reason) : undefined };
    case 'scorecard.submitted':
      return {
        title: `Scorecard from ${text(d.interviewerName) || 'an interviewer'}: ${RECOMMENDATION_LABELS[text(d.recommendation)] ?? text(d.recommendation)} (${text(d.score)}/4)`,
        detail: d.notes ? <TimelineMarkdown text={text(d.notes)} /> : d.interviewTitle ? text(d.interviewTitle) : undefined,
      };
    case 'note.added':
      return {
        title: `Note by ${text(d.authorName) || 'someone'}${onJob(d)}`,
        detail: (
          <>
            <TimelineMarkdown text={text(d.body)} />
            {Array.isArray(d.mentioned) && d.mentioned.length > 0 && <div className="muted" data-testid="note-mentioned">Notified {d.mentioned.map(text).join(', ')}</div>}
          </>
        ),
      };
    case 'offer.created':
      return { title: `Offer drafted${onJob(d)}`, detail: d.salaryAmount ? `${Number(d.salaryAmount).toLocaleString()} ${text(d.currency)} per ${text(d.salaryUnit).toLowerCase()}` : undefined };
    case 'offer.sent':
      return { title: `Offer sent${onJob(d)}` };
    case 'offer.accepted':
      return { title: `Offer accepted${onJob(d)}` };
    case 'offer.declined':
      return { title: `Offer declined${onJob(d)}` };
    case 'offer.answered':
      return { title: `Offer answered${onJob(d)}`, detail: text(d.status) };
    case 'candidate.merged':
      return { title: `Merged ${text(d.mergedName)} into this profile`, detail: [d.actorName ? `by ${text(d.actorName)}` : '', d.isUndone ? 'undone since' : ''].filter(Boolean).join(' · ') || undefined };
    default:
      return describeCrmEntry(entry) ?? { title: entry.kind };
  }
}

function MessageBody({ candidateId, messageId }: { candidateId: string; messageId: string }) {
  const [message, setMessage] = useState<CandidateMessage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isOpen, setIsOpen] = useState(false);
  const toggle = async () => {
    setIsOpen(!isOpen);
    if (message || isOpen) return;
    try {
      setMessage(await apiGet<CandidateMessage>(`/api/candidates/${encodeURIComponent(candidateId)}/messages/${encodeURIComponent(messageId)}`));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="timeline-detail">
      <button type="button" className="button button-small button-ghost" onClick={() => void toggle()} data-testid="timeline-open-message">
        {isOpen ? 'Hide message' : 'Open message'}
      </button>
      {isOpen && <ErrorNotice error={error} title="Could not open the message" />}
      {isOpen && message && (
        <div className="timeline-message" data-testid="timeline-message">
          <div className="muted">From {message.fromAddress} to {message.toAddress} · <StatusBadge status={message.status} /></div>
          <pre className="mail-text">{message.bodyText}</pre>
        </div>
      )}
    </div>
  );
}

export function TimelineEntry({ entry, candidateId }: { entry: TTimelineEntry; candidateId: string }) {
  const { title, detail } = describe(entry);
  const family = entry.kind.split('.')[0];
  return (
    <li className={`timeline-item timeline-${family}`} data-testid="timeline-entry" data-kind={entry.kind} data-entry-id={entry.id}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <div className="timeline-heading">
          <span className="timeline-title">{title}</span>
          <time className="timeline-time" dateTime={entry.occurredAt} title={formatDateTime(entry.occurredAt)}>{formatRelative(entry.occurredAt)}</time>
        </div>
        {detail && (typeof detail === 'string' ? <p className="timeline-detail">{detail}</p> : <div className="timeline-detail">{detail}</div>)}
        {entry.kind.startsWith('message.') && typeof entry.data.messageId === 'string' && <MessageBody candidateId={candidateId} messageId={entry.data.messageId} />}
      </div>
    </li>
  );
}
