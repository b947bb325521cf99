// The requisition's own fields in the job editor: title, department, requisition id, employment
// type, openings, where it is (locations, remote policy and countries), the salary range, the
// pipeline its applications run, how many approvals it needs to open and when the posting expires.
import type { ReactNode } from 'react';
import type { PipelineSummary } from '../api-types';
import type { FieldErrors, JobForm, LocationForm } from '../jobs/job-form';
import { JobFieldError } from './job-field-error';

type Props = { form: JobForm; errors: FieldErrors; pipelines: PipelineSummary[]; onChange: (patch: Partial<JobForm>) => void };

const EMPLOYMENT_TYPES: [JobForm['employmentType'], string][] = [['FULL_TIME', 'Full-time'], ['PART_TIME', 'Part-time'], ['CONTRACTOR', 'Contractor'], ['TEMPORARY', 'Temporary'], ['INTERN', 'Intern']];
const REMOTE_POLICIES: [JobForm['remotePolicy'], string][] = [['ONSITE', 'On-site'], ['HYBRID', 'Hybrid'], ['REMOTE', 'Remote']];

/** One labelled input with the server's error for `path` under it. */
function Field({ label, path, errors, children }: { label: string; path: string; errors: FieldErrors; children: ReactNode }) {
  return (
    <label className="field" data-field={path}>
      <span>{label}</span>
      {children}
      <JobFieldError errors={errors} path={path} />
    </label>
  );
}

export function JobDetailsFields({ form, errors, pipelines, onChange }: Props) {
  const updateLocation = (index: number, patch: Partial<LocationForm>) => onChange({ locations: form.locations.map((l, i) => (i === index ? { ...l, ...patch } : l)), isLocationEdited: true });
  const hiringPipelines = pipelines.filter((p) => p.kind === 'HIRING' || p.id === form.pipelineId);
  return (
    <>
      <fieldset className="card job-editor-section">
        <legend className="card-title">Job</legend>
        <Field label="Title" path="title" errors={errors}>
          <input value={form.title} onChange={(e) => onChange({ title: e.target.value })} data-testid="job-title-input" />
        </Field>
        <div className="form-grid">
          <Field label="Department" path="department" errors={errors}>
            <input value={form.department} onChange={(e) => onChange({ department: e.target.value })} data-testid="job-department-input" />
          </Field>
          <Field label="Requisition ID" path="requisitionId" errors={errors}>
            <input value={form.requisitionId} onChange={(e) => onChange({ requisitionId: e.target.value })} placeholder="REQ-2041" />
          </Field>
          <Field label="Employment type" path="employmentType" errors={errors}>
            <select value={form.employmentType} onChange={(e) => onChange({ employmentType: e.target.value as JobForm['employmentType'] })}>
              {EMPLOYMENT_TYPES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </Field>
          <Field label="Openings" path="openings" errors={errors}>
            <input inputMode="numeric" value={form.openings} onChange={(e) => onChange({ openings: e.target.value })} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="card job-editor-section">
        <legend className="card-title">Location</legend>
        <div className="form-grid">
          <Field label="Remote policy" path="remotePolicy" errors={errors}>
            <select value={form.remotePolicy} onChange={(e) => onChange({ remotePolicy: e.target.value as JobForm['remotePolicy'], isLocationEdited: true })} data-testid="job-remote-policy">
              {REMOTE_POLICIES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </Field>
          <Field label="Remote from (country codes, e.g. DE, FR; empty = anywhere)" path="remoteCountries" errors={errors}>
            <input value={form.remoteCountries} disabled={form.remotePolicy === 'ONSITE' && !form.remoteCountries} onChange={(e) => onChange({ remoteCountries: e.target.value })} />
          </Field>
        </div>
        {form.locations.map((location, index) => (
          <div key={index} className="job-location-row" data-testid="job-location-row">
            <input aria-label="City" placeholder="City" value={location.city} onChange={(e) => updateLocation(index, { city: e.target.value })} />
            <input aria-label="Region" placeholder="Region" value={location.region} onChange={(e) => updateLocation(index, { region: e.target.value })} />
            <input aria-label="Country code" placeholder="DE" maxLength={2} className="mono" value={location.countryCode} onChange={(e) => updateLocation(index, { countryCode: e.target.value })} />
            <button type="button" className="button button-small button-ghost" aria-label="Remove location" onClick={() => onChange({ locations: form.locations.filter((_, i) => i !== index), isLocationEdited: true })}>✕</button>
            <JobFieldError errors={errors} path={`jobLocations.${index}`} />
          </div>
        ))}
        <button type="button" className="button button-small" onClick={() => onChange({ locations: [...form.locations, { city: '', region: '', countryCode: '' }], isLocationEdited: true })} data-testid="job-add-location">
          Add location
        </button>
      </fieldset>

      <fieldset className="card job-editor-section">
        <legend className="card-title">Salary range</legend>
        <div className="job-salary-row">
          <Field label="Minimum" path="salary.min" errors={errors}>
            <input inputMode="decimal" value={form.salaryMin} onChange={(e) => onChange({ salaryMin: e.target.value })} data-testid="job-salary-min" />
          </Field>
          <Field label="Maximum" path="salary.max" errors={errors}>
            <input inputMode="decimal" value={form.salaryMax} onChange={(e) => onChange({ salaryMax: e.target.value })} data-testid="job-salary-max" />
          </Field>
          <Field label="Currency" path="salary.currency" errors={errors}>
            <input maxLength={3} className="mono" value={form.salaryCurrency} onChange={(e) => onChange({ salaryCurrency: e.target.value })} />
          </Field>
          <Field label="Per" path="salary.unit" errors={errors}>
            <select value={form.salaryUnit} onChange={(e) => onChange({ salaryUnit: e.target.value as JobForm['salaryUnit'] })}>
              <option value="YEAR">year</option>
              <option value="MONTH">month</option>
              <option value="HOUR">hour</option>
            </select>
          </Field>
        </div>
        <JobFieldError errors={errors} path="salary" isExact />
      </fieldset>

      <fieldset className="card job-editor-section">
        <legend className="card-title">Hiring process</legend>
        <div className="form-grid">
          <Field label="Pipeline for its applications" path="pipelineId" errors={errors}>
            <select value={form.pipelineId} onChange={(e) => onChange({ pipelineId: e.target.value })} data-testid="job-pipeline-select">
              <option value="">No pipeline</option>
              {hiringPipelines.map((p) => <option key={p.id} value={p.id}>{p.name}{p.latestVersion ? ` (v${p.latestVersion.version})` : ' (not published)'}</option>)}
            </select>
          </Field>
          <Field label="Approvals needed to open" path="requiredApprovals" errors={errors}>
            <input inputMode="numeric" value={form.requiredApprovals} onChange={(e) => onChange({ requiredApprovals: e.target.value })} data-testid="job-required-approvals" />
          </Field>
          <Field label="Posting expires on" path="validThrough" errors={errors}>
            <input type="date" value={form.validThrough} onChange={(e) => onChange({ validThrough: e.target.value })} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
