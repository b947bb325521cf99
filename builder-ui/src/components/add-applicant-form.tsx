// Adds a candidate to a job by hand (source `manual`), which starts the job's hiring pipeline.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import type { CreatedApplication, JobSummary, NewApplication } from '../api-types';
import { ErrorNotice } from './error-notice';

type AddApplicantFormProps = {
  job: JobSummary;
  onAdded: (application: CreatedApplication, candidateName: string) => void;
  onCancel: () => void;
};

const EMPTY_APPLICANT = { firstName: '', lastName: '', email: '', phone: '' };
type ApplicantField = keyof typeof EMPTY_APPLICANT;

const FIELDS: Array<{ field: ApplicantField; label: string; type: string; isRequired: boolean }> = [
  { field: 'firstName', label: 'First name', type: 'text', isRequired: true },
  { field: 'lastName', label: 'Last name', type: 'text', isRequired: true },
  { field: 'email', label: 'Email', type: 'email', isRequired: true },
  { field: 'phone', label: 'Phone (optional)', type: 'tel', isRequired: false },
];

const testIdFor = (field: ApplicantField) => `applicant-${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

export function AddApplicantForm({ job, onAdded, onCancel }: AddApplicantFormProps) {
  const [applicant, setApplicant] = useState(EMPTY_APPLICANT);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    const phone = applicant.phone.trim();
    const request: NewApplication = {
      jobId: job.id,
      candidate: {
        firstName: applicant.firstName.trim(),
        lastName: applicant.lastName.trim(),
        email: applicant.email.trim(),
        ...(phone ? { phone } : {}),
      },
      source: 'manual',
    };
    try {
      const application = await apiPost<CreatedApplication>('/api/applications', request);
      setApplicant(EMPTY_APPLICANT);
      onAdded(application, `${request.candidate.firstName} ${request.candidate.lastName}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="applicant-form" onSubmit={submit} data-testid="add-applicant-form" data-job-id={job.id}>
      <div className="form-grid">
        {FIELDS.map(({ field, label, type, isRequired }) => (
          <label key={field} className="field">
            <span>{label}</span>
            <input
              type={type}
              value={applicant[field]}
              required={isRequired}
              onChange={(event) => setApplicant({ ...applicant, [field]: event.target.value })}
              data-testid={testIdFor(field)}
            />
          </label>
        ))}
      </div>
      <ErrorNotice error={error} title="Could not add the applicant" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSaving} data-testid="applicant-submit">
          {isSaving ? 'Adding…' : 'Add applicant'}
        </button>
      </div>
    </form>
  );
}
