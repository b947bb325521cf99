// One row of the inbox: the task, who it is about (to their profile), the job
// (to its board) and stage, its SLA (overdue, due today, due soon), who holds it,
// and what can be done with it from here.
import type { InboxTask } from '../api-types';
import { formatDateTime, formatPersonName, formatRelative } from '../format';
import { hrefFor } from '../hash-route';
import type { InboxPanel } from './inbox-task-actions';
import { StatusBadge } from './status-badge';

const DUE_SOON_MS = 24 * 3600_000;

type InboxTaskRowProps = {
  task: InboxTask;
  openPanel: InboxPanel | null;
  isTeamRole: boolean;
  isFeedbackSent: boolean;
  onPanel: (panel: InboxPanel | null) => void;
  onClaim: () => void;
  onWake: () => void;
};

function SlaBadges({ task }: { task: InboxTask }) {
  if (task.status !== 'OPEN') return null;
  const dueInMs = task.dueAt ? new Date(task.dueAt).getTime() - Date.now() : null;
  return (
    <span className="sla-badges">
      {task.isOverdue && <span className="badge badge-danger" data-testid="task-overdue">Overdue</span>}
      {!task.isOverdue && task.isDueToday && <span className="badge badge-warning" data-testid="task-due-today">Due today</span>}
      {!task.isOverdue && !task.isDueToday && dueInMs !== null && dueInMs < DUE_SOON_MS && <span className="badge badge-warning" data-testid="task-due-soon">Due soon</span>}
      {task.isSnoozed && <span className="badge badge-neutral">Snoozed until {formatDateTime(task.snoozedUntil)}</span>}
    </span>
  );
}

export function InboxTaskRow({ task, openPanel, isTeamRole, isFeedbackSent, onPanel, onClaim, onWake }: InboxTaskRowProps) {
  const isOpen = task.status === 'OPEN';
  const isRoleTask = !task.assignee && !!task.assigneeRole;
  const toggle = (panel: InboxPanel) => onPanel(openPanel === panel ? null : panel);
  const button = (panel: InboxPanel, label: string, isPrimary = false) => (
    <button type="button" className={`button button-small${isPrimary && openPanel !== panel ? ' button-primary' : ''}`} onClick={() => toggle(panel)} data-testid={`task-${panel}-button`}>
      {openPanel === panel ? 'Close' : label}
    </button>
  );
  return (
    <tr className={task.isOverdue ? 'task-row is-overdue' : 'task-row'} data-testid="task-row" data-task-id={task.id} data-task-kind={task.kind} data-overdue={task.isOverdue ? 'true' : 'false'}>
      <td>
        <div className="cell-title" data-testid="task-title">{task.title}</div>
        <div className="cell-meta">
          <span className="kind-tag">{task.kind}</span>
          {task.runId && <a href={hrefFor(`/runs/${encodeURIComponent(task.runId)}`)} className="subtle-link">view run</a>}
        </div>
      </td>
      <td>
        {task.candidate ? (
          <a className="cell-title" href={hrefFor(`/candidates/${encodeURIComponent(task.candidate.id)}`)} data-testid="task-candidate">{formatPersonName(task.candidate)}</a>
        ) : <span className="muted">—</span>}
      </td>
      <td>
        {task.job ? <a className="cell-title" href={hrefFor(`/jobs/${encodeURIComponent(task.job.id)}`)}>{task.job.title}</a> : <span className="muted">—</span>}
        {task.application?.stage && <div className="cell-meta">{task.application.stage.name}</div>}
      </td>
      <td>
        <div className={task.isOverdue ? 'cell-title due-overdue' : 'cell-title'}>{formatDateTime(task.dueAt)}</div>
        <div className="cell-meta">{task.dueAt && formatRelative(task.dueAt)} <SlaBadges task={task} /></div>
      </td>
      <td>
        {task.assignee ? task.assignee.name : isRoleTask ? <span className="muted">Any {task.assigneeRole!.toLowerCase().replace('_', ' ')}</span> : <span className="muted">Nobody</span>}
        {!isOpen && <div className="cell-meta"><StatusBadge status={task.status} /></div>}
      </td>
      <td className="cell-actions">
        {isOpen && (
          <div className="task-actions">
            {isRoleTask && <button type="button" className="button button-small button-primary" onClick={onClaim} data-testid="task-claim-button">Claim</button>}
            {task.kind === 'FEEDBACK' && (isFeedbackSent ? <span className="muted">Feedback sent</span> : button('feedback', 'Submit feedback', true))}
            {task.kind === 'APPROVE' && button('decide', 'Decide', true)}
            {task.kind !== 'FEEDBACK' && task.kind !== 'APPROVE' && button('complete', 'Complete', !isRoleTask)}
            {task.isSnoozed
              ? <button type="button" className="button button-small" onClick={onWake}>Wake</button>
              : button('snooze', 'Snooze')}
            {isTeamRole && button('reassign', 'Reassign')}
          </div>
        )}
      </td>
    </tr>
  );
}
