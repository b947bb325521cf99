// The signed-in frame: header, left navigation and the page chosen by the hash route.
import type { SessionOrg, SessionUser } from '../api-types';
import { useHashRoute, type HashRoute } from '../hash-route';
import { CandidateProfilePage } from '../pages/candidate-profile-page';
import { InboxPage } from '../pages/inbox-page';
import { JobsPage } from '../pages/jobs-page';
import { JobBoardPage } from '../pages/job-board-page';
import { JobEditorPage } from '../pages/job-editor-page';
import { JobFitPage } from '../pages/job-fit-page';
import { MailboxPage } from '../pages/mailbox-page';
import { PipelineBuilderPage } from '../pages/pipeline-builder-page';
import { PipelinesPage } from '../pages/pipelines-page';
import { RunDetailPage } from '../pages/run-detail-page';
import { RunsPage } from '../pages/runs-page';
import { SearchPage } from '../pages/search-page';
import { crmPage } from '../crm/crm-routes';
import { AnalyticsPage } from '../pages/analytics-page';
import { AppHeader } from './app-header';
import { SideNav } from './side-nav';

export type ActiveSession = {
  user: SessionUser | null;
  org: SessionOrg | null;
  isPastedToken: boolean;
  /** Signed in with a password: sign-out revokes the server session. */
  isCookieSession?: boolean;
};

type AppShellProps = { session: ActiveSession; onSignOut: () => void };

function RoutedPage({ route }: { route: HashRoute }) {
  const [section, id] = route.segments;
  switch (section) {
    case undefined:
    case 'inbox':
      return <InboxPage params={route.query} />;
    case 'candidates':
      return id ? <CandidateProfilePage key={id} candidateId={id} /> : <SearchPage params={route.query} />;
    case 'search':
      return <SearchPage params={route.query} />;
    case 'pipelines':
      return id ? <PipelineBuilderPage key={id} pipelineId={id} /> : <PipelinesPage />;
    case 'runs':
      return id ? <RunDetailPage key={id} runId={id} /> : <RunsPage />;
    case 'jobs':
      if (id === 'new') return <JobEditorPage key="new" jobId={null} />;
      if (id && route.segments[2] === 'edit') return <JobEditorPage key={id} jobId={id} />;
      if (id && route.segments[2] === 'fit') return <JobFitPage key={id} jobId={id} params={route.query} />;
      return id ? <JobBoardPage key={id} jobId={id} /> : <JobsPage />;
    case 'mailbox':
      return <MailboxPage />;
    case 'analytics':
      return <AnalyticsPage dashboardKey={id} params={route.query} />;
    default:
      return crmPage(route) ?? (
        <div className="empty-state" data-testid="not-found">
          <h2>Page not found</h2>
          <p className="muted">
            Nothing lives at <code>{route.path}</code>. <a href="#/inbox">Go to the inbox</a>.
          </p>
        </div>
      );
  }
}

export function AppShell({ session, onSignOut }: AppShellProps) {
  const route = useHashRoute();
  return (
    <div className="app-frame">
      <AppHeader session={session} onSignOut={onSignOut} />
      <div className="app-body">
        <SideNav activeSection={route.segments[0] ?? 'inbox'} role={session.user?.role} />
        <main className="app-main">
          <RoutedPage route={route} />
        </main>
      </div>
    </div>
  );
}
