// The campaign dashboard: enrolled, active, sent, opened (flagged unreliable), clicked, replied, converted and
// unsubscribed with their rates; why runs ended early; what the contact policy held back; where live runs
// wait (a link to the builder's live overlay of the pipeline).
import { hrefFor } from '../hash-route';
import { campaignFunnel, exitReasons, heldMessages } from './campaign-funnel';
import type { CampaignStatsView } from './crm-types';

export function CampaignDashboard({ stats, pipelineId }: { stats: CampaignStatsView; pipelineId: string }) {
  const tiles = campaignFunnel(stats);
  const exits = exitReasons(stats);
  const held = heldMessages(stats);
  const waiting = Object.entries(stats.enrollments.waitingAt).sort((a, b) => b[1] - a[1]);
  return (
    <div className="campaign-dashboard" data-testid="campaign-dashboard">
      <ul className="stat-tiles" aria-label="Campaign numbers">
        {tiles.map((tile) => (
          <li key={tile.key} className={`stat-tile stat-${tile.key}`} data-testid="campaign-stat" data-stat={tile.key} data-value={tile.value}>
            <span className="stat-label">{tile.label}</span>
            <span className="stat-value">{tile.value.toLocaleString('en')}</span>
            <span className="stat-rate">{tile.rate ?? '\u00a0'}</span>
            <span className={`stat-note${tile.key === 'opened' ? ' is-caveat' : ''}`}>{tile.note ?? '\u00a0'}</span>
          </li>
        ))}
      </ul>
      <div className="dashboard-columns">
        <div className="card">
          <h2 className="card-title">Exits by reason</h2>
          {exits.length === 0 ? <p className="muted">Nobody has left early.</p> : (
            <table className="compact-table" data-testid="campaign-exits">
              <tbody>{exits.map((x) => <tr key={x.reason} data-reason={x.reason}><td>{x.label}</td><td className="numeric">{x.count.toLocaleString('en')}</td></tr>)}</tbody>
            </table>
          )}
          <p className="muted">{stats.enrollments.completed.toLocaleString('en')} finished the sequence{stats.enrollments.failed ? `, ${stats.enrollments.failed.toLocaleString('en')} failed` : ''}.</p>
        </div>
        <div className="card">
          <h2 className="card-title">Held by the contact policy</h2>
          {held.length === 0 ? <p className="muted">No email held back.</p> : (
            <table className="compact-table" data-testid="campaign-held">
              <tbody>{held.map((h) => <tr key={`${h.status}-${h.reason}`}><td>{h.label} <span className="muted">({h.status === 'deferred' ? 'waiting' : 'not sent'})</span></td><td className="numeric">{h.count.toLocaleString('en')}</td></tr>)}</tbody>
            </table>
          )}
          {stats.messages.bounced > 0 && <p className="muted">{stats.messages.bounced.toLocaleString('en')} bounced (the addresses are suppressed).</p>}
        </div>
        <div className="card">
          <h2 className="card-title">Where active runs wait</h2>
          {waiting.length === 0 ? <p className="muted">No run is waiting.</p> : (
            <table className="compact-table"><tbody>{waiting.map(([node, count]) => <tr key={node}><td><code>{node}</code></td><td className="numeric">{count.toLocaleString('en')}</td></tr>)}</tbody></table>
          )}
          <a href={hrefFor(`/pipelines/${encodeURIComponent(pipelineId)}`)} data-testid="campaign-overlay-link">Open the pipeline with its live overlay</a>
        </div>
      </div>
    </div>
  );
}
