// Candidate profile (#/candidates/:id): the person and their resume facts, their
// applications, notes and one timeline of everything that happened to them; for
// the recruiting team also the CRM side (relationship, engagement and contact,
// pools, campaigns, events) and its actions (move to a job, export, erase).
import { useState } from 'react';
import type { CandidateProfile } from '../api-types';
import { CandidateApplications } from '../components/candidate-applications';
import { CandidateNoteForm } from '../components/candidate-note-form';
import { CandidateProfileHeader } from '../components/candidate-profile-header';
import { ErrorNotice } from '../components/error-notice';
import { TimelineList } from '../components/timeline-list';
import { useApiResource } from '../use-api-resource';
import { CandidateContactCard } from '../crm/candidate-contact-card';
import { CandidateCrmActions } from '../crm/candidate-crm-actions';
import { CandidateCrmHistory } from '../crm/candidate-crm-history';
import { CandidateRelationshipCard } from '../crm/candidate-relationship-card';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';
import './recruiter-pages.css';

export function CandidateProfilePage({ candidateId }: { candidateId: string }) {
  const profile = useApiResource<CandidateProfile>(`/api/candidates/${encodeURIComponent(candidateId)}`);
  const [timelineKey, setTimelineKey] = useState(0);
  const { canEdit, isAdmin } = useCrmRole();
  const data = profile.data;
  const hasCrmView = !!data?.isOrgWideView;
  const onCrmChanged = () => {
    void profile.reload();
    setTimelineKey((k) => k + 1);
  };
  return (
    <section data-testid="candidate-profile-page">
      <a className="back-link" href="#/search">← Search</a>
      <ErrorNotice error={profile.error} title="Could not load the candidate" onRetry={() => void profile.reload()} />
      {profile.isLoading && <p className="muted">Loading…</p>}
      {data && (
        <>
          {data.mergedIntoId && (
            <div className="notice" role="note">
              This profile was merged. <a href={`#/candidates/${encodeURIComponent(data.mergedIntoId)}`}>Open the surviving profile</a>.
            </div>
          )}
          <CandidateProfileHeader profile={data} />
          {hasCrmView && <CandidateCrmActions profile={data} canEdit={canEdit} isAdmin={isAdmin} onChanged={onCrmChanged} />}
          <div className="profile-columns">
            <div className="card">
              <h2 className="card-title">Timeline</h2>
              <CandidateNoteForm candidateId={candidateId} applications={data.applications} onAdded={() => setTimelineKey((k) => k + 1)} />
              <TimelineList candidateId={candidateId} refreshKey={timelineKey} />
            </div>
            <div className="profile-side-column">
              <div className="card">
                <h2 className="card-title">Applications</h2>
                <CandidateApplications applications={data.applications} />
              </div>
              {hasCrmView && (
                <>
                  <CandidateRelationshipCard profile={data} canEdit={canEdit} onSaved={onCrmChanged} />
                  <CandidateContactCard candidateId={candidateId} canEdit={canEdit} version={timelineKey} />
                  <CandidateCrmHistory profile={data} canEdit={canEdit} version={timelineKey} onChanged={onCrmChanged} />
                </>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
