// The hiring team: the organization's people picked for this job with their role on it (recruiter,
// hiring manager, interviewer, coordinator). Hiring managers see the job and its board.
import type { JobMemberInput, JobMemberRole, OrgUser } from '../jobs/job-types';
import type { FieldErrors } from '../jobs/job-form';
import { JobFieldError } from './job-field-error';

const ROLES: [JobMemberRole, string][] = [['RECRUITER', 'Recruiter'], ['HIRING_MANAGER', 'Hiring manager'], ['INTERVIEWER', 'Interviewer'], ['COORDINATOR', 'Coordinator']];

type Props = { members: JobMemberInput[]; users: OrgUser[]; errors: FieldErrors; onChange: (members: JobMemberInput[]) => void };

export function JobTeamEditor({ members, users, errors, onChange }: Props) {
  const update = (index: number, patch: Partial<JobMemberInput>) => onChange(members.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const active = users.filter((u) => !u.deactivated);
  return (
    <fieldset className="card job-editor-section" data-testid="job-team-editor">
      <legend className="card-title">Hiring team</legend>
      {members.map((member, index) => (
        <div key={index} className="job-team-row" data-testid="job-team-row">
          <select aria-label="Person" value={member.userId} onChange={(e) => update(index, { userId: e.target.value })} data-testid="job-team-user">
            <option value="">Pick a person…</option>
            {active.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
          <select aria-label="Role on this job" value={member.role} onChange={(e) => update(index, { role: e.target.value as JobMemberRole })} data-testid="job-team-role">
            {ROLES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
          <button type="button" className="button button-small button-ghost" aria-label="Remove from team" onClick={() => onChange(members.filter((_, i) => i !== index))}>✕</button>
          <JobFieldError errors={errors} path={`members.${index}`} />
        </div>
      ))}
      <JobFieldError errors={errors} path="members" isExact />
      <button type="button" className="button button-small" data-testid="job-add-member" onClick={() => onChange([...members, { userId: '', role: 'HIRING_MANAGER' }])}>
        Add person
      </button>
    </fieldset>
  );
}
