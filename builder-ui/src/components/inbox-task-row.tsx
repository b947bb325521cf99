// One row of the inbox table: the task, who it is about, where they are in the hiring process
// and when it is due. Overdue open tasks are highlighted.
import type { InboxTask } from '../api-types';
import { formatDateTime, formatPersonName, formatRelative, isOverdue } from '../format';
import { hrefFor } from '../hash-route';
import { StatusBadge } from './status-badge';

type InboxTaskRowProps = {
  task: InboxTask;
  isFeedbackOpen: boolean;
  isFeedbackSent: boolean;
  onToggleFeedback: () => void;
};

export function InboxTaskRow({ task, isFeedbackOpen, isFeedbackSent, onToggleFeedback }: InboxTaskRowProps) {
  const isTaskOverdue = isOverdue(task.dueAt, task.status);
  const canGiveFeedback = task.kind === 'FEEDBACK' && task.status === 'OPEN';
  return (
    <tr
      className={isTaskOverdue ? 'task-row is-overdue' : 'task-row'}
      data-testid="task-row"
      data-task-id={task.id}
      data-task-kind={task.kind}
      data-overdue={isTaskOverdue ? 'true' : 'false'}
    >
      <td>
        <div className="cell-title" data-testid="task-title">{task.title}</div>
        <div className="cell-meta">
          <span className="kind-tag">{task.kind}</span>
          {task.runId && (
            <a href={hrefFor(`/runs/${encodeURIComponent(task.runId)}`)} className="subtle-link">
              view run
            </a>
          )}
        </div>
      </td>
      <td>
        <div className="cell-title">{formatPersonName(task.candidate)}</div>
        <div className="cell-meta">{task.candidate?.email}</div>
      </td>
      <td>
        {task.application ? (
          <>
            <div className="cell-title">{task.application.job.title}</div>
            <div className="cell-meta">{task.application.stage.name}</div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <div className={isTaskOverdue ? 'cell-title due-overdue' : 'cell-title'}>{formatDateTime(task.dueAt)}</div>
        <div className="cell-meta">
          {isTaskOverdue ? <StatusBadge status="OVERDUE" testId="task-overdue" /> : formatRelative(task.dueAt)}
        </div>
      </td>
      <td>
        <StatusBadge status={task.status} />
      </td>
      <td className="cell-actions">
        {canGiveFeedback && isFeedbackSent && <span className="muted">Feedback sent</span>}
        {canGiveFeedback && !isFeedbackSent && (
          <button
            type="button"
            className={isFeedbackOpen ? 'button button-small' : 'button button-small button-primary'}
            onClick={onToggleFeedback}
            data-testid="task-feedback-button"
          >
            {isFeedbackOpen ? 'Close' : 'Submit feedback'}
          </button>
        )}
      </td>
    </tr>
  );
}
