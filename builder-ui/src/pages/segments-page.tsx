// Segments (#/segments): saved dynamic queries over profiles, each with its live count (asked per segment,
// so a slow one does not hold up the list), what it asks for, and when it changed. A name opens the editor.
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import type { Segment, SegmentWithMembers } from '../crm/crm-types';
import { describeSegmentQuery } from '../crm/segment-summary';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

function LiveCount({ segmentId }: { segmentId: string }) {
  const segment = useApiResource<SegmentWithMembers>(`/api/segments/${encodeURIComponent(segmentId)}?limit=1`);
  if (segment.error) return <span className="muted" title={String((segment.error as Error).message)}>unavailable</span>;
  return <span data-testid="segment-live-count" data-count={segment.data?.count ?? ''}>{segment.data ? segment.data.count.toLocaleString('en') : '…'}</span>;
}

export function SegmentsPage() {
  const segments = useApiResource<Segment[]>('/api/segments');
  const { canEdit } = useCrmRole();
  const rows = segments.data ?? [];
  return (
    <section className="crm-page" data-testid="segments-page">
      <PageHeader
        title="Segments"
        subtitle="Saved searches over people that stay current: skills, place, interest, engagement, stages reached. Campaigns aim at them."
        actions={canEdit && <a className="button button-primary" href={hrefFor('/segments/new')} data-testid="new-segment-button">New segment</a>}
      />
      <ErrorNotice error={segments.error} title="Could not load the segments" onRetry={() => void segments.reload()} />
      <div className="card table-card">
        <table className="data-table" data-testid="segment-table">
          <thead><tr><th>Segment</th><th className="numeric">People now</th><th>Updated</th></tr></thead>
          <tbody>
            {segments.isLoading && <tr><td colSpan={3} className="table-empty">Loading segments…</td></tr>}
            {!segments.isLoading && !segments.error && rows.length === 0 && (
              <tr><td colSpan={3} className="table-empty">No segments yet. A segment is a saved set of conditions, such as "warm backend engineers in Germany".</td></tr>
            )}
            {rows.map((segment) => (
              <tr key={segment.id} data-testid="segment-list-row" data-segment-id={segment.id}>
                <td>
                  <a className="cell-title" href={hrefFor(`/segments/${encodeURIComponent(segment.id)}`)}>{segment.name}</a>
                  <div className="cell-meta">{describeSegmentQuery(segment.query)}</div>
                </td>
                <td className="numeric"><LiveCount segmentId={segment.id} /></td>
                <td>{formatDateTime(segment.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
