// Inbox (#/inbox): the tasks waiting on people, by SLA, from GET /api/tasks
// (keyset pages with counts per state). Tabs and filters live in the address;
// each row can be claimed, snoozed, reassigned, completed, decided or answered
// with a scorecard without leaving the list.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { apiGet, apiPost } from '../api';
import type { InboxCounts, InboxPageResult, InboxTask, SessionUser } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { FeedbackForm } from '../components/feedback-form';
import { inboxApiQuery, InboxFilters, inboxFilterFromParams } from '../components/inbox-filters';
import { CompletePanel, DecidePanel, ReassignPanel, SnoozePanel, type InboxPanel } from '../components/inbox-task-actions';
import { formatCount } from '../format';
import { InboxTaskRow } from '../components/inbox-task-row';
import { PageHeader } from '../components/page-header';
import { formatPersonName } from '../format';
import { useApiResource } from '../use-api-resource';
import './recruiter-pages.css';

const INBOX_POLL_MS = 15_000;
const TABLE_COLUMN_COUNT = 6;
const TEAM_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

export function InboxPage({ params }: { params: URLSearchParams }) {
  const me = useApiResource<{ user: SessionUser }>('/api/auth/me');
  const isTeamRole = TEAM_ROLES.includes(me.data?.user.role ?? '');
  const filter = inboxFilterFromParams(params, isTeamRole);
  const query = inboxApiQuery(filter);
  const [tasks, setTasks] = useState<InboxTask[]>([]);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [pagesLoaded, setPagesLoaded] = useState(0);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [panel, setPanel] = useState<{ taskId: string; panel: InboxPanel } | null>(null);
  const [sentFeedbackTaskIds, setSentFeedbackTaskIds] = useState<ReadonlySet<string>>(new Set());
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const load = useCallback(async (cursor: string | null) => {
    try {
      const page = await apiGet<InboxPageResult>(`/api/tasks?${query}${cursor ? `&counts=false&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setTasks((previous) => (cursor ? [...previous, ...page.tasks] : page.tasks));
      if (page.counts) setCounts(page.counts);
      setNextCursor(page.nextCursor);
      setPagesLoaded((n) => (cursor ? n + 1 : 1));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  }, [query]);

  useEffect(() => {
    if (me.isLoading) return;
    setIsLoading(true);
    setPanel(null);
    void load(null);
  }, [load, me.isLoading]);

  // Fresh data while someone works the first page; once they page further, the list holds still.
  useEffect(() => {
    if (me.isLoading || pagesLoaded > 1) return;
    const timer = window.setInterval(() => void load(null), INBOX_POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, me.isLoading, pagesLoaded]);

  const done = (message: string) => {
    setPanel(null);
    setConfirmation(message);
    void load(null);
  };
  const act = (path: string, body: unknown, message: string) => apiPost(path, body).then(() => done(message), setError);

  const subtitle = counts
    ? [[counts.open, 'open'], [counts.overdue, 'overdue'], [counts.dueToday, 'due today'], [counts.snoozed, 'snoozed']].map(([n, label]) => `${formatCount(n as number, counts.isCapped)} ${label}`).join(' · ')
    : 'Tasks waiting on you and your team';

  return (
    <section data-testid="inbox-page">
      <PageHeader title="Inbox" subtitle={<span data-testid="inbox-counts">{subtitle}</span>} />
      <InboxFilters filter={filter} counts={counts} isTeamRole={isTeamRole} />
      {confirmation && (
        <div className="notice notice-success" role="status" data-testid="inbox-confirmation">
          {confirmation}
          <button type="button" className="button button-small button-ghost" onClick={() => setConfirmation(null)}>Dismiss</button>
        </div>
      )}
      <ErrorNotice error={error ?? me.error} title="Inbox" onRetry={() => void load(null)} />
      <div className="card table-card">
        <table className="data-table" data-testid="task-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>Candidate</th>
              <th>Job · Stage</th>
              <th>Due</th>
              <th>Assignee</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {isLoading && <tr><td colSpan={TABLE_COLUMN_COUNT} className="table-empty">Loading tasks…</td></tr>}
            {!isLoading && tasks.length === 0 && !error && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty" data-testid="inbox-empty">
                  {filter.state === 'open' ? 'Nothing waiting here. Inbox zero.' : `No ${filter.state} tasks.`}
                </td>
              </tr>
            )}
            {tasks.map((task) => {
              const openPanel = panel?.taskId === task.id ? panel.panel : null;
              const panelProps = { task, onDone: done, onCancel: () => setPanel(null) };
              return (
                <Fragment key={task.id}>
                  <InboxTaskRow
                    task={task}
                    openPanel={openPanel}
                    isTeamRole={isTeamRole}
                    isFeedbackSent={sentFeedbackTaskIds.has(task.id)}
                    onPanel={(next) => setPanel(next ? { taskId: task.id, panel: next } : null)}
                    onClaim={() => void act(`/api/tasks/${encodeURIComponent(task.id)}/claim`, {}, `You claimed “${task.title}”.`)}
                    onWake={() => void act(`/api/tasks/${encodeURIComponent(task.id)}/snooze`, { until: null }, `“${task.title}” is back in the inbox.`)}
                  />
                  {openPanel && (
                    <tr className="feedback-row">
                      <td colSpan={TABLE_COLUMN_COUNT}>
                        {openPanel === 'feedback' && (
                          <FeedbackForm
                            task={task}
                            onCancel={() => setPanel(null)}
                            onSubmitted={() => {
                              // The task completes when the feedback is recorded, which may take a moment.
                              setSentFeedbackTaskIds((previous) => new Set(previous).add(task.id));
                              done(`Feedback for ${formatPersonName(task.candidate)} submitted.`);
                            }}
                          />
                        )}
                        {openPanel === 'snooze' && <SnoozePanel {...panelProps} />}
                        {openPanel === 'reassign' && <ReassignPanel {...panelProps} />}
                        {openPanel === 'complete' && <CompletePanel {...panelProps} />}
                        {openPanel === 'decide' && <DecidePanel {...panelProps} />}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {nextCursor && !isLoading && (
        <button type="button" className="button" onClick={() => void load(nextCursor)} data-testid="inbox-more">More tasks</button>
      )}
    </section>
  );
}
