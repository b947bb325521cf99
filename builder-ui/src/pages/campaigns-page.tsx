// Campaigns (#/campaigns): nurture campaigns with their status, audience, pipeline, and how many people are
// enrolled and still active. "New campaign" opens the form; a name opens the campaign's dashboard.
import { useState } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import type { Campaign } from '../crm/crm-types';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

const STATUS_FILTERS = ['ALL', 'ACTIVE', 'DRAFT', 'PAUSED', 'ARCHIVED'] as const;
const LIST_POLL_MS = 5000;

export function CampaignsPage() {
  const campaigns = useApiResource<Campaign[]>('/api/campaigns?limit=200', LIST_POLL_MS);
  const { canEdit } = useCrmRole();
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>('ALL');
  const all = campaigns.data ?? [];
  const rows = all.filter((c) => status === 'ALL' || c.status === status);
  return (
    <section className="crm-page" data-testid="campaigns-page">
      <PageHeader
        title="Campaigns"
        subtitle="Nurture sequences for an audience, sent as a person, within the contact policy; people leave when they apply, reply, unsubscribe or are hired."
        actions={canEdit && <a className="button button-primary" href={hrefFor('/campaigns/new')} data-testid="new-campaign-button">New campaign</a>}
      />
      <div className="inline-form job-filters">
        <div className="segmented" role="group" aria-label="Status">
          {STATUS_FILTERS.map((value) => (
            <button key={value} type="button" className={`segmented-option${status === value ? ' is-active' : ''}`} aria-pressed={status === value} onClick={() => setStatus(value)}>
              {value === 'ALL' ? 'All' : value.charAt(0) + value.slice(1).toLowerCase()} <span className="muted">{value === 'ALL' ? all.length : all.filter((c) => c.status === value).length}</span>
            </button>
          ))}
        </div>
      </div>
      <ErrorNotice error={campaigns.error} title="Could not load the campaigns" onRetry={() => void campaigns.reload()} />
      <div className="card table-card">
        <table className="data-table" data-testid="campaign-table">
          <thead>
            <tr><th>Campaign</th><th>Status</th><th>Audience</th><th>Pipeline</th><th className="numeric">Enrolled</th><th className="numeric">Active</th><th>Updated</th></tr>
          </thead>
          <tbody>
            {campaigns.isLoading && <tr><td colSpan={7} className="table-empty">Loading campaigns…</td></tr>}
            {!campaigns.isLoading && !campaigns.error && rows.length === 0 && (
              <tr><td colSpan={7} className="table-empty">{all.length ? 'No campaign has this status.' : 'No campaigns yet. A campaign sends a nurture pipeline to a segment or a pool.'}</td></tr>
            )}
            {rows.map((c) => (
              <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
                <td>
                  <a className="cell-title" href={hrefFor(`/campaigns/${encodeURIComponent(c.id)}`)}>{c.name}</a>
                  <div className="cell-meta">Topic: {c.topic}{c.sender ? ` · from ${c.sender.name}` : ''}</div>
                </td>
                <td><StatusBadge status={c.status} /></td>
                <td>{c.audience.name}<div className="cell-meta">{c.audience.kind === 'segment' ? 'Segment' : 'Talent pool'}</div></td>
                <td>
                  <a href={hrefFor(`/pipelines/${encodeURIComponent(c.pipeline.id)}`)}>{c.pipeline.name}</a>
                  <div className="cell-meta">{c.pipeline.publishedVersion ? `v${c.pipeline.publishedVersion.version}` : 'not published'}</div>
                </td>
                <td className="numeric" data-testid="campaign-enrolled">{c.counts.enrolled.toLocaleString('en')}</td>
                <td className="numeric">{c.counts.active.toLocaleString('en')}</td>
                <td>{formatDateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
