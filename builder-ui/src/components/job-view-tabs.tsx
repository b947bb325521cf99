// The views of one job, side by side under its title: the kanban board (#/jobs/:id) and the fit
// ranking (#/jobs/:id/fit). Links, so each view has its own address and the back button works.
import { hrefFor } from '../hash-route';

const VIEWS = [
  { key: 'board', label: 'Board', suffix: '' },
  { key: 'fit', label: 'Fit', suffix: '/fit' },
] as const;

export function JobViewTabs({ jobId, active }: { jobId: string; active: (typeof VIEWS)[number]['key'] }) {
  return (
    <nav className="segmented job-view-tabs" aria-label="Job views">
      {VIEWS.map((view) => (
        <a key={view.key} className={`segmented-option${view.key === active ? ' is-active' : ''}`} href={hrefFor(`/jobs/${encodeURIComponent(jobId)}${view.suffix}`)}
          aria-current={view.key === active ? 'page' : undefined} data-testid="job-view-tab" data-view={view.key}>
          {view.label}
        </a>
      ))}
    </nav>
  );
}
