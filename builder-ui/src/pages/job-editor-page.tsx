// The job editor (#/jobs/new, #/jobs/:id/edit): every field of the requisition, the hiring team,
// stages from a template, screening questions and the pipeline its applications run; then the
// job's next step (open, submit for approval, approve or reject, close). The server validates:
// its errors appear next to the fields they name.
import { useEffect, useState, type FormEvent } from 'react';
import { apiPost, apiRequest } from '../api';
import type { PipelineSummary } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { JobActionsPanel } from '../components/job-actions-panel';
import { JobDescriptionField } from '../components/job-description-field';
import { JobDetailsFields } from '../components/job-details-fields';
import { JobQuestionsEditor } from '../components/job-questions-editor';
import { JobStagesEditor } from '../components/job-stages-editor';
import { JobTeamEditor } from '../components/job-team-editor';
import { PageHeader } from '../components/page-header';
import { hrefFor, navigate } from '../hash-route';
import { emptyJobForm, fieldErrorsOf, jobFormFrom, jobRequest, type FieldErrors, type JobForm } from '../jobs/job-form';
import { JOB_EDITOR_ROLES, type JobDetail, type OrgUser, type StageTemplate } from '../jobs/job-types';
import { useCurrentUser } from '../jobs/use-current-user';
import { useApiResource } from '../use-api-resource';
// Used when the organization has no stage template: the same list the server falls back to.
import { DEFAULT_STAGES } from '../../../api/services/jobs/default-stages';
import '../jobs/jobs.css';

/** Roles that may list the organization's users (GET /api/users). */
const USER_LIST_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

export function JobEditorPage({ jobId }: { jobId: string | null }) {
  const isNew = jobId === null;
  const job = useApiResource<JobDetail>(isNew ? null : `/api/jobs/${encodeURIComponent(jobId)}`);
  const currentUser = useCurrentUser();
  // Hiring managers and interviewers may read a job (and approve it) but not edit it or list users.
  const canEdit = !currentUser || JOB_EDITOR_ROLES.includes(currentUser.role);
  const users = useApiResource<OrgUser[]>(currentUser && USER_LIST_ROLES.includes(currentUser.role) ? '/api/users' : null);
  const templates = useApiResource<StageTemplate[]>('/api/stage-templates');
  const pipelines = useApiResource<PipelineSummary[]>('/api/pipelines');
  const [form, setForm] = useState<JobForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  // The form starts from the saved job, or for a new job from the default stage template.
  useEffect(() => {
    if (form) return;
    if (!isNew && job.data) setForm(jobFormFrom(job.data));
    if (isNew && !templates.isLoading) {
      const template = templates.data?.find((t) => t.isDefault) ?? null;
      setForm(emptyJobForm(template ? template.stages.map((s) => ({ ...s })) : DEFAULT_STAGES, template?.id ?? null));
    }
  }, [form, isNew, job.data, templates.isLoading, templates.data]);

  const change = (patch: Partial<JobForm>) => setForm((current) => (current ? { ...current, ...patch } : current));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setIsSaving(true);
    setSaveError(null);
    setErrors({});
    try {
      const body = jobRequest(form, isNew);
      if (isNew) {
        const created = await apiPost<JobDetail>('/api/jobs', body);
        navigate(`/jobs/${encodeURIComponent(created.id)}/edit`);
      } else {
        const updated = await apiRequest<JobDetail>('PATCH', `/api/jobs/${encodeURIComponent(jobId)}`, body);
        setForm(jobFormFrom(updated));
        await job.reload();
        setSavedAt(new Date());
      }
    } catch (caught) {
      setSaveError(caught);
      setErrors(fieldErrorsOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  // Approvers decide on what they saw: a job waiting for approval is locked until they do.
  const isLocked = job.data?.status === 'PENDING_APPROVAL';
  // Without the user list, the people already on the job are the ones the pickers can name.
  const people = users.data ?? (job.data?.members ?? []).map((m) => ({ id: m.userId, name: m.name, email: m.email, role: m.role, deactivated: false }));
  const loadError = job.error ?? users.error ?? templates.error ?? pipelines.error;
  const title = isNew ? 'New job' : job.data?.title ?? 'Job';
  return (
    <section data-testid="job-editor-page">
      <PageHeader
        title={title}
        backHref={hrefFor(isNew ? '/jobs' : `/jobs/${encodeURIComponent(jobId)}`)}
        backLabel={isNew ? 'Jobs' : 'Board'}
        subtitle={isNew ? 'Saved as a draft; open it or submit it for approval after saving.' : 'Edit the requisition; applications keep their stage when stages are renamed or reordered.'}
      />
      <ErrorNotice error={loadError} title="Could not load everything the editor needs" />
      {!form && !loadError && <p className="muted">Loading…</p>}
      {form && (
        <div className="job-editor-layout">
          <form className="job-editor-form" onSubmit={(e) => void save(e)} noValidate data-testid="job-editor-form">
            {saveError !== null && <ErrorNotice error={saveError} title="Not saved" />}
            {!canEdit && <div className="notice job-locked-notice" role="status" data-testid="job-read-only">You can read this job; admins and recruiters change it.</div>}
            {isLocked && <div className="notice job-locked-notice" role="status" data-testid="job-locked">Waiting for approval: the job cannot be changed until the approvers decide.</div>}
            {savedAt && !saveError && <div className="notice notice-success" role="status" data-testid="job-saved">Saved at {savedAt.toLocaleTimeString()}.</div>}
            <JobDetailsFields form={form} errors={errors} pipelines={pipelines.data ?? []} onChange={change} />
            <fieldset className="card job-editor-section">
              <legend className="card-title">Description</legend>
              <JobDescriptionField value={form.description} errors={errors} onChange={(description) => change({ description })} />
            </fieldset>
            <JobTeamEditor members={form.members} users={people} errors={errors} onChange={(members) => change({ members })} />
            <JobStagesEditor stages={form.stages} templates={templates.data ?? []} templateId={form.stageTemplateId} isNew={isNew} errors={errors}
              onChange={(stages, stageTemplateId) => change({ stages, stageTemplateId })} />
            <JobQuestionsEditor questions={form.questions} errors={errors} onChange={(questions) => change({ questions })} />
            <div className="form-actions job-editor-save">
              <a className="button button-ghost" href={hrefFor('/jobs')}>Cancel</a>
              <button type="submit" className="button button-primary" disabled={isSaving || isLocked || !canEdit} data-testid="job-save-button">
                {isSaving ? 'Saving…' : isNew ? 'Create job' : 'Save changes'}
              </button>
            </div>
          </form>
          {!isNew && job.data && (
            <JobActionsPanel job={job.data} users={people} canEdit={canEdit} currentUserId={currentUser?.id ?? null} onChanged={() => void job.reload()} />
          )}
        </div>
      )}
    </section>
  );
}
