// A segment (#/segments/new, #/segments/:id): conditions as rows (all must hold), the count of people they
// find updating live as you type, the first of them as a preview, then save. Saved segments move with the
// data and the clock: campaigns aiming at one enroll whoever it finds when they enroll.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiDelete, apiPost, apiRequest } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import type { Segment, SegmentWithMembers, TalentPool } from '../crm/crm-types';
import { EngagementScore, InterestBadge, PersonCell } from '../crm/crm-person-cells';
import { SegmentConditionRow } from '../crm/segment-condition-row';
import { SEGMENT_FIELDS, newSegmentRow, queryOfRows, rowOfErrorPath, rowsOfQuery, type SegmentField, type SegmentRow } from '../crm/segment-rows';
import { useAsyncAction } from '../crm/use-async-action';
import { useCrmRole } from '../crm/use-crm-role';
import { useLiveSegmentCount } from '../crm/use-live-segment-count';
import '../crm/crm.css';

function SegmentCountPanel({ live, rowCount }: { live: ReturnType<typeof useLiveSegmentCount>; rowCount: number }) {
  return (
    <aside className="card segment-count-card" aria-live="polite" data-testid="segment-count-card">
      <div className="segment-count-label">People in this segment now</div>
      <div className={`segment-count${live.isCounting ? ' is-counting' : ''}`} data-testid="segment-count" data-count={live.count ?? ''} data-counting={live.isCounting ? 'true' : 'false'}>
        {live.count === null ? '…' : live.count.toLocaleString('en')}
      </div>
      <div className="segment-count-state muted">{live.isCounting ? 'Counting…' : rowCount === 0 ? 'No conditions: every live profile.' : 'Live: merged and erased profiles are left out.'}</div>
      <ErrorNotice error={live.error} title="The server refused the query" />
      <h2 className="card-title segment-preview-title">First members</h2>
      <ul className="plain-list segment-preview" data-testid="segment-preview">
        {live.preview.map((p) => (
          <li key={p.id} data-testid="segment-preview-member">
            <div className="segment-preview-person"><PersonCell person={p} /></div>
            <span className="segment-preview-facts"><InterestBadge level={p.interestLevel} /> <EngagementScore score={p.engagementScore} /></span>
          </li>
        ))}
        {!live.isCounting && live.count === 0 && <li className="muted">Nobody matches yet.</li>}
      </ul>
    </aside>
  );
}

export function SegmentEditorPage({ segmentId }: { segmentId: string | null }) {
  const saved = useApiResource<SegmentWithMembers>(segmentId ? `/api/segments/${encodeURIComponent(segmentId)}?limit=1` : null);
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const jobs = useApiResource<{ id: string; title: string }[]>('/api/jobs');
  const { canEdit } = useCrmRole();
  const [name, setName] = useState('');
  const [rows, setRows] = useState<SegmentRow[]>(() => (segmentId ? [] : [newSegmentRow('skills')]));
  const [addField, setAddField] = useState<SegmentField>('interest_level');
  const { run, isBusy: isSaving, error: saveError } = useAsyncAction();
  const [savedNotice, setSavedNotice] = useState(false);

  useEffect(() => {
    if (!saved.data) return;
    setName(saved.data.name);
    setRows(rowsOfQuery(saved.data.query));
  }, [saved.data]);

  const asQuery = useMemo(() => queryOfRows(rows), [rows]);
  const live = useLiveSegmentCount(asQuery);
  const saveErrorRowIds = useMemo(() => {
    if (!(saveError instanceof ApiError)) return new Set<string>();
    return new Set(saveError.details.map((d) => rowOfErrorPath(d.path, asQuery.rowIds)).filter((id): id is string => !!id));
  }, [saveError, asQuery.rowIds]);

  const change = (next: SegmentRow) => {
    setSavedNotice(false);
    setRows((current) => current.map((r) => (r.id === next.id ? next : r)));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = { name: name.trim(), query: asQuery.query };
      if (segmentId) {
        await apiRequest<Segment>('PATCH', `/api/segments/${encodeURIComponent(segmentId)}`, body);
        setSavedNotice(true);
      } else {
        const created = await apiPost<Segment>('/api/segments', body);
        navigate(`/segments/${encodeURIComponent(created.id)}`);
      }
    });
  };
  const remove = () => {
    if (!segmentId || !window.confirm(`Delete the segment "${name}"? Campaigns aiming at it keep it from being deleted.`)) return;
    void run(async () => {
      await apiDelete(`/api/segments/${encodeURIComponent(segmentId)}`);
      navigate('/segments');
    });
  };
  const problemsLeft = Object.keys(asQuery.problems).length;

  return (
    <section className="crm-page" data-testid="segment-editor-page">
      <PageHeader backHref="#/segments" backLabel="Segments" title={segmentId ? saved.data?.name ?? 'Segment' : 'New segment'} subtitle="People who meet every condition below. The count follows your edits." />
      <ErrorNotice error={saved.error} title="Could not load the segment" onRetry={() => void saved.reload()} />
      <form className="segment-layout" onSubmit={save}>
        <div className="segment-editor">
          <div className="card">
            <label className="field">
              <span>Segment name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="e.g. Warm backend engineers in Germany" data-testid="segment-name" />
            </label>
            <div className="segment-rows" data-testid="segment-rows">
              {rows.map((row, index) => (
                <SegmentConditionRow
                  key={row.id} row={row} index={index} pools={pools.data ?? []} jobs={jobs.data ?? []} onChange={change}
                  problem={live.errorRowId === row.id ? 'the server refused this condition (see the message)' : asQuery.problems[row.id] ?? null}
                  isRefused={live.errorRowId === row.id || saveErrorRowIds.has(row.id)}
                  onRemove={() => setRows((current) => current.filter((r) => r.id !== row.id))}
                />
              ))}
              {rows.length === 0 && <p className="muted">No conditions: the segment is everyone. Add one below.</p>}
            </div>
            <div className="inline-form segment-add">
              <label className="field">
                <span>Add a condition on</span>
                <select value={addField} onChange={(e) => setAddField(e.target.value as SegmentField)} data-testid="segment-add-field">
                  {SEGMENT_FIELDS.map((f) => <option key={f.field} value={f.field}>{f.label}</option>)}
                </select>
              </label>
              <button type="button" className="button" onClick={() => setRows((current) => [...current, newSegmentRow(addField)])} data-testid="segment-add-condition">Add condition</button>
            </div>
          </div>
          <ErrorNotice error={saveError} title="Could not save the segment" />
          {savedNotice && <div className="notice notice-success" role="status" data-testid="segment-saved">Saved.</div>}
          {canEdit && (
            <div className="form-actions">
              {segmentId && <button type="button" className="button button-ghost" onClick={remove} data-testid="segment-delete">Delete segment</button>}
              <button type="submit" className="button button-primary" disabled={isSaving || !name.trim() || problemsLeft > 0} data-testid="segment-save"
                title={problemsLeft ? 'Finish or remove the conditions that are not counted yet' : undefined}>
                {isSaving ? 'Saving…' : segmentId ? 'Save changes' : 'Save segment'}
              </button>
            </div>
          )}
        </div>
        <SegmentCountPanel live={live} rowCount={asQuery.rowIds.length} />
      </form>
    </section>
  );
}
