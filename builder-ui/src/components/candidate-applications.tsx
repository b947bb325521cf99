// The candidate's applications the viewer can see: job (to its board), stage,
// status and applied date; a hint when scorecards stay hidden until the viewer
// submits their own.
import type { CandidateApplication } from '../api-types';
import { formatDateTime } from '../format';
import { StatusBadge } from './status-badge';

export function CandidateApplications({ applications }: { applications: CandidateApplication[] }) {
  if (applications.length === 0) return <p className="muted">No applications you can see.</p>;
  return (
    <table className="data-table" data-testid="candidate-applications">
      <thead>
        <tr>
          <th>Job</th>
          <th>Stage</th>
          <th>Status</th>
          <th>Applied</th>
        </tr>
      </thead>
      <tbody>
        {applications.map((a) => (
          <tr key={a.id} data-testid="candidate-application" data-application-id={a.id}>
            <td>
              <a href={`#/jobs/${encodeURIComponent(a.job.id)}`} className="cell-title">{a.job.title}</a>
              {a.hiddenScorecardCount > 0 && (
                <div className="cell-meta">{a.hiddenScorecardCount} scorecard{a.hiddenScorecardCount === 1 ? '' : 's'} hidden until you submit yours</div>
              )}
            </td>
            <td>{a.stage.name}</td>
            <td>
              <StatusBadge status={a.status} />
              {a.rejectionReason && <div className="cell-meta">{a.rejectionReason}</div>}
            </td>
            <td>
              {formatDateTime(a.appliedAt)}
              {a.source && <div className="cell-meta">via {a.source}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
