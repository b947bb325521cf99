// Candidate profile (#/candidates/:id): the person and their resume facts, their
// applications, notes and one timeline of everything that happened to them.
import { useState } from 'react';
import type { CandidateProfile } from '../api-types';
import { CandidateApplications } from '../components/candidate-applications';
import { CandidateNoteForm } from '../components/candidate-note-form';
import { CandidateProfileHeader } from '../components/candidate-profile-header';
import { ErrorNotice } from '../components/error-notice';
import { TimelineList } from '../components/timeline-list';
import { useApiResource } from '../use-api-resource';
import './recruiter-pages.css';

export function CandidateProfilePage({ candidateId }: { candidateId: string }) {
  const profile = useApiResource<CandidateProfile>(`/api/candidates/${encodeURIComponent(candidateId)}`);
  const [timelineKey, setTimelineKey] = useState(0);
  const data = profile.data;
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
          <div className="profile-columns">
            <div className="card">
              <h2 className="card-title">Timeline</h2>
              <CandidateNoteForm candidateId={candidateId} applications={data.applications} onAdded={() => setTimelineKey((k) => k + 1)} />
              <TimelineList candidateId={candidateId} refreshKey={timelineKey} />
            </div>
            <div className="card">
              <h2 className="card-title">Applications</h2>
              <CandidateApplications applications={data.applications} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
