// One person in a job's fit ranking: rank, score as a bar, name (to the profile), headline, applicant status
// or "prospect", and each scored component with its points and reason; a skills component lists the matched
// and the missing skills apart. A prospect can be made an applicant from here (the CRM -> ATS hand-off,
// POST /api/candidates/:id/hand-off) by roles that may.
import { apiPost } from '../api';
import { useAsyncAction } from '../crm/use-async-action';
import type { HandOff } from '../crm/crm-types';
import { hrefFor } from '../hash-route';
import { FIT_COMPONENT_LABELS, skillMatch } from '../jobs/fit-reasons';
import type { FitComponent, RankedCandidate } from '../jobs/job-types';
import { ErrorNotice } from './error-notice';

type JobFitRowProps = {
  jobId: string;
  rank: number;
  candidate: RankedCandidate;
  canHandOff: boolean;
  onHandedOff: (candidateId: string, applicationId: string) => void;
};

function SkillChips({ skills, isMatched }: { skills: string[]; isMatched: boolean }) {
  if (!skills.length) return null;
  return (
    <ul className="fit-skills" aria-label={isMatched ? 'Matched skills' : 'Missing skills'}>
      {skills.map((skill) => (
        <li key={skill} className={`fit-skill ${isMatched ? 'is-matched' : 'is-missing'}`} data-testid="fit-skill" data-skill={skill} data-matched={String(isMatched)}>
          <span aria-hidden="true">{isMatched ? '✓' : '✗'}</span> {skill}
        </li>
      ))}
    </ul>
  );
}

function FitReason({ component }: { component: FitComponent }) {
  const skills = skillMatch(component);
  return (
    <li className="fit-reason" data-testid="fit-reason" data-key={component.key} data-points={component.points}>
      <span className="fit-reason-label">{FIT_COMPONENT_LABELS[component.key]}</span>
      <span className="fit-reason-points">{component.points} / {component.maxPoints}</span>
      {skills ? (
        <span className="fit-reason-text" title={component.reason}>
          <SkillChips skills={skills.matched} isMatched />
          <SkillChips skills={skills.missing} isMatched={false} />
        </span>
      ) : (
        <span className="fit-reason-text">{component.reason}</span>
      )}
    </li>
  );
}

export function JobFitRow({ jobId, rank, candidate, canHandOff, onHandedOff }: JobFitRowProps) {
  const { run, isBusy, error } = useAsyncAction();
  const isProspect = candidate.applicationId === null;
  const addToJob = () => void run(async () => {
    const result = await apiPost<HandOff>(`/api/candidates/${encodeURIComponent(candidate.candidateId)}/hand-off`, { jobId });
    onHandedOff(candidate.candidateId, result.applicationId);
  });
  return (
    <li className="fit-row card" data-testid="fit-row" data-candidate-id={candidate.candidateId} data-rank={rank} data-score={candidate.score}
      data-kind={isProspect ? 'prospect' : 'applicant'}>
      <div className="fit-row-rank" aria-label={`Rank ${rank}`}>{rank}</div>
      <div className="fit-row-main">
        <div className="fit-row-heading">
          <a className="fit-row-name" href={hrefFor(`/candidates/${encodeURIComponent(candidate.candidateId)}`)} data-testid="fit-candidate-link">{candidate.name || 'Unnamed'}</a>
          {isProspect
            ? <span className="badge badge-info">prospect</span>
            : <span className={`badge ${candidate.applicationStatus === 'ACTIVE' ? 'badge-success' : 'badge-neutral'}`} data-testid="fit-application-status">{candidate.applicationStatus?.toLowerCase() ?? 'applicant'}</span>}
          {candidate.stageName && <span className="badge badge-neutral" data-testid="fit-stage">{candidate.stageName}</span>}
          {isProspect && canHandOff && (
            <button type="button" className="button button-small fit-row-action" onClick={addToJob} disabled={isBusy} data-testid="fit-add-to-job">
              {isBusy ? 'Adding…' : 'Add to job'}
            </button>
          )}
        </div>
        {candidate.headline && <div className="fit-row-headline">{candidate.headline}</div>}
        <ul className="fit-reasons" aria-label="Why this score">
          {candidate.components.map((component) => <FitReason key={component.key} component={component} />)}
        </ul>
        <ErrorNotice error={error} title="Could not add them to the job" />
      </div>
      <div className="fit-score" data-testid="fit-score">
        <span className="fit-score-value">{candidate.score}</span>
        <div className="fit-score-track" role="meter" aria-label="Fit score" aria-valuemin={0} aria-valuemax={100} aria-valuenow={candidate.score}>
          <div className="fit-score-fill" style={{ width: `${Math.max(0, Math.min(100, candidate.score))}%` }} />
        </div>
      </div>
    </li>
  );
}
