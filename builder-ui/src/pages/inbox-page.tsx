// Inbox: the recruiting tasks waiting on people (interview feedback, reviews), open or done.
import { Fragment, useState } from 'react';
import type { InboxTask, TaskStatus } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { FeedbackForm } from '../components/feedback-form';
import { InboxTaskRow } from '../components/inbox-task-row';
import { PageHeader } from '../components/page-header';
import { formatPersonName, isOverdue } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';

const INBOX_POLL_MS = 10_000;
const TABLE_COLUMN_COUNT = 6;

function StatusFilter({ statusFilter }: { statusFilter: TaskStatus }) {
  const options: Array<{ status: TaskStatus; label: string }> = [
    { status: 'OPEN', label: 'Open' },
    { status: 'COMPLETED', label: 'Completed' },
  ];
  return (
    <div className="segmented" role="group" aria-label="Task status">
      {options.map(({ status, label }) => (
        <a
          key={status}
          href={hrefFor(`/inbox?status=${status}`)}
          className={status === statusFilter ? 'segmented-option is-active' : 'segmented-option'}
          aria-current={status === statusFilter ? 'true' : undefined}
          data-testid={`inbox-filter-${status.toLowerCase()}`}
        >
          {label}
        </a>
      ))}
    </div>
  );
}

export function InboxPage({ statusFilter }: { statusFilter: TaskStatus }) {
  const inbox = useApiResource<InboxTask[]>(`/api/inbox?status=${statusFilter}`, INBOX_POLL_MS);
  const [feedbackTaskId, setFeedbackTaskId] = useState<string | null>(null);
  // The workflow completes the task after accepting feedback, so it may stay OPEN for a moment.
  const [sentFeedbackTaskIds, setSentFeedbackTaskIds] = useState<ReadonlySet<string>>(new Set());
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const tasks = inbox.data ?? [];
  const overdueCount = tasks.filter((task) => isOverdue(task.dueAt, task.status)).length;

  const onFeedbackSubmitted = (task: InboxTask) => {
    setSentFeedbackTaskIds((previous) => new Set(previous).add(task.id));
    setFeedbackTaskId(null);
    setConfirmation(`Feedback for ${formatPersonName(task.candidate)} submitted.`);
    void inbox.reload();
  };

  return (
    <section data-testid="inbox-page">
      <PageHeader
        title="Inbox"
        subtitle={
          statusFilter === 'OPEN'
            ? `${tasks.length} open task${tasks.length === 1 ? '' : 's'}${overdueCount ? `, ${overdueCount} overdue` : ''}`
            : 'Tasks your team has completed'
        }
        actions={<StatusFilter statusFilter={statusFilter} />}
      />
      {confirmation && (
        <div className="notice notice-success" role="status" data-testid="feedback-confirmation">
          {confirmation}
          <button type="button" className="button button-small button-ghost" onClick={() => setConfirmation(null)}>
            Dismiss
          </button>
        </div>
      )}
      <ErrorNotice error={inbox.error} title="Could not load the inbox" onRetry={() => void inbox.reload()} />
      <div className="card table-card">
        <table className="data-table" data-testid="task-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>Candidate</th>
              <th>Job · Stage</th>
              <th>Due</th>
              <th>Status</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {inbox.isLoading && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty">Loading tasks…</td>
              </tr>
            )}
            {!inbox.isLoading && tasks.length === 0 && !inbox.error && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty" data-testid="inbox-empty">
                  {statusFilter === 'OPEN' ? 'Nothing waiting on you. Inbox zero.' : 'No completed tasks yet.'}
                </td>
              </tr>
            )}
            {tasks.map((task) => (
              <Fragment key={task.id}>
                <InboxTaskRow
                  task={task}
                  isFeedbackOpen={feedbackTaskId === task.id}
                  isFeedbackSent={sentFeedbackTaskIds.has(task.id)}
                  onToggleFeedback={() => setFeedbackTaskId(feedbackTaskId === task.id ? null : task.id)}
                />
                {feedbackTaskId === task.id && (
                  <tr className="feedback-row">
                    <td colSpan={TABLE_COLUMN_COUNT}>
                      <FeedbackForm
                        task={task}
                        onSubmitted={() => onFeedbackSubmitted(task)}
                        onCancel={() => setFeedbackTaskId(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
