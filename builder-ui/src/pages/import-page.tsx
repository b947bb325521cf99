// Sourcing import (#/import): upload a CSV of people or JSON Resume files, optionally into a pool with tags and
// a source; a progress bar follows the import to its report (created, merged, unchanged, failed rows by line
// with the reason). Importing the same file again changes nothing. Recent imports are listed with theirs.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiPostForm } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { useApiResource } from '../use-api-resource';
import { BulkJobProgressBar } from '../crm/bulk-job-progress-bar';
import type { BulkJob, ImportReport, TalentPool } from '../crm/crm-types';
import { ImportReportView } from '../crm/import-report';
import { useAsyncAction } from '../crm/use-async-action';
import { useBulkJob } from '../crm/use-bulk-job';
import { splitList } from '../crm/segment-rows';
import '../crm/crm.css';

const isJsonFile = (file: File) => /\.json$/i.test(file.name) || file.type === 'application/json';

function useRecentImports() {
  const csv = useApiResource<BulkJob[]>('/api/bulk-jobs?kind=import_csv&limit=10');
  const json = useApiResource<BulkJob[]>('/api/bulk-jobs?kind=import_json_resume&limit=10');
  const jobs = [...(csv.data ?? []), ...(json.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
  const { reload: reloadCsv } = csv;
  const { reload: reloadJson } = json;
  const reload = useCallback(() => Promise.all([reloadCsv(), reloadJson()]), [reloadCsv, reloadJson]);
  return { jobs, error: csv.error ?? json.error, reload };
}

const fileNameOf = (job: BulkJob) => {
  const input = (job.report as ImportReport | null)?.input;
  return typeof input?.fileName === 'string' ? input.fileName : job.kind === 'import_csv' ? 'CSV' : 'JSON Resume files';
};

export function ImportPage() {
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const recent = useRecentImports();
  const [files, setFiles] = useState<File[]>([]);
  const [poolId, setPoolId] = useState('');
  const [tags, setTags] = useState('');
  const [source, setSource] = useState('');
  const { run, isBusy: isUploading, error } = useAsyncAction();
  const [shownJob, setShownJob] = useState<BulkJob | null>(null);
  const { job, error: pollError } = useBulkJob(shownJob);
  const isJson = files.length > 0 && files.every(isJsonFile);
  // A finished import shows in the recent list with its outcome at once.
  const finishedJobId = job && (job.status === 'SUCCEEDED' || job.status === 'FAILED') ? job.id : null;
  const { reload: reloadRecent } = recent;
  useEffect(() => {
    if (finishedJobId) void reloadRecent();
  }, [finishedJobId, reloadRecent]);
  const isMixed = files.length > 1 && !isJson;

  const upload = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const form = new FormData();
      const options = { ...(poolId ? { poolId } : {}), ...(splitList(tags).length ? { tags: splitList(tags) } : {}), ...(source.trim() ? { source: source.trim() } : {}) };
      for (const file of files) form.append(isJson ? 'resume' : 'file', file, file.name);
      form.append('options', JSON.stringify(options));
      setShownJob(await apiPostForm<BulkJob>(isJson ? '/api/imports/json-resume' : '/api/imports/csv', form));
      void recent.reload();
    });
  };

  return (
    <section className="crm-page" data-testid="import-page">
      <PageHeader title="Import people" subtitle="A CSV export (LinkedIn, a spreadsheet, another ATS) or JSON Resume files. People already known are matched by email, phone or profile link and filled in, never doubled." />
      <form className="card import-form" onSubmit={upload} data-testid="import-form">
        <label className="field">
          <span>File: one CSV (up to 20 MB, 100,000 rows), or JSON Resume files (.json)</span>
          <input type="file" accept=".csv,text/csv,.json,application/json" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} data-testid="import-file" />
        </label>
        <p className="muted">CSV columns are recognised by their header: first name, last name (or name), email, phone, location, city, country, headline, company, linkedin, github, website, tags, source, skills, interest, time zone.</p>
        {isMixed && <p className="field-error">Pick one CSV, or only .json files.</p>}
        <div className="form-grid">
          <label className="field">
            <span>Add everyone to a pool</span>
            <select value={poolId} onChange={(e) => setPoolId(e.target.value)} data-testid="import-pool">
              <option value="">No pool</option>
              {(pools.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Tags for everyone (comma-separated)</span>
            <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="e.g. meetup-2025, backend" data-testid="import-tags" />
          </label>
          <label className="field">
            <span>Source of new profiles (when a row names none)</span>
            <input value={source} onChange={(e) => setSource(e.target.value)} placeholder="import" maxLength={100} data-testid="import-source" />
          </label>
        </div>
        <ErrorNotice error={error} title="The import was refused" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!files.length || isMixed || isUploading} data-testid="import-submit">{isUploading ? 'Uploading…' : 'Import'}</button>
        </div>
      </form>
      {job && (
        <div className="card import-progress" data-testid="import-job">
          <BulkJobProgressBar job={job} unit={job.kind === 'import_csv' ? 'rows' : 'files'} label={`Importing ${fileNameOf(job)}`} />
          {job.status === 'SUCCEEDED' && job.report != null && <ImportReportView report={job.report as ImportReport} />}
          <ErrorNotice error={pollError} title="Could not follow the import" />
        </div>
      )}
      <div className="card table-card">
        <div className="card-title-row table-card-title"><h2 className="card-title">Recent imports</h2></div>
        <ErrorNotice error={recent.error} title="Could not load recent imports" />
        <table className="data-table" data-testid="recent-imports">
          <thead><tr><th>File</th><th>Status</th><th className="numeric">Rows</th><th className="numeric">Failed</th><th>Started</th><th><span className="visually-hidden">Report</span></th></tr></thead>
          <tbody>
            {recent.jobs.map((j) => (
              <tr key={j.id} data-testid="recent-import" data-job-id={j.id}>
                <td>{fileNameOf(j)}</td>
                <td><StatusBadge status={j.status} /></td>
                <td className="numeric">{j.total.toLocaleString('en')}</td>
                <td className="numeric">{j.failed.toLocaleString('en')}</td>
                <td>{formatDateTime(j.createdAt)}</td>
                <td className="cell-actions"><button type="button" className="button button-small button-ghost" onClick={() => setShownJob(j)}>Show report</button></td>
              </tr>
            ))}
            {recent.jobs.length === 0 && <tr><td colSpan={6} className="table-empty">No imports yet.</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
