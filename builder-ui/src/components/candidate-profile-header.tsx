// The top of a candidate profile: who they are, how to reach them, where they
// came from, and what their resume says (skills, experience, employers,
// education), with the resume file to download.
import { useState } from 'react';
import { downloadFile } from '../api';
import type { CandidateProfile } from '../api-types';
import { formatDateTime } from '../format';
import { ErrorNotice } from './error-notice';

const LINK_LABELS: Array<['linkedin' | 'github' | 'website', string]> = [['linkedin', 'LinkedIn'], ['github', 'GitHub'], ['website', 'Website']];
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
const yearSpan = (start: string | number | null, end: string | number | null, isCurrent = false) =>
  [start ?? '', isCurrent ? 'present' : end ?? ''].filter((x) => x !== '').join(' – ');

function ResumeDownload({ profile }: { profile: CandidateProfile }) {
  const [error, setError] = useState<unknown>(null);
  if (!profile.resume) return <span className="muted">No resume on file</span>;
  const resume = profile.resume;
  return (
    <span>
      <button
        type="button"
        className="button button-small"
        onClick={() => downloadFile(`/api/candidates/${encodeURIComponent(profile.id)}/resume`, resume.displayName).catch(setError)}
        data-testid="resume-download"
      >
        Download resume
      </button>{' '}
      <span className="muted">{resume.displayName} · {Math.max(1, Math.round(resume.sizeBytes / 1024))} KB · {formatDateTime(resume.uploadedAt)}</span>
      <ErrorNotice error={error} title="Download failed" />
    </span>
  );
}

export function CandidateProfileHeader({ profile }: { profile: CandidateProfile }) {
  const place = profile.location ?? [profile.city, profile.countryCode].filter(Boolean).join(', ');
  const links = LINK_LABELS.flatMap(([key, label]) => {
    const url = profile.links?.[key];
    return typeof url === 'string' && isWebUrl(url) ? [{ label, url }] : [];
  });
  return (
    <div className="card candidate-header" data-testid="candidate-header">
      <div className="candidate-identity">
        <div className="avatar avatar-large" aria-hidden="true">{`${profile.firstName[0] ?? ''}${profile.lastName[0] ?? ''}`.toUpperCase()}</div>
        <div>
          <h1 data-testid="candidate-name">{profile.firstName} {profile.lastName}</h1>
          {profile.headline && <p className="page-subtitle" data-testid="candidate-headline">{profile.headline}</p>}
          <div className="candidate-contact">
            {profile.email && <a href={`mailto:${profile.email}`}>{profile.email}</a>}
            {profile.phone && <a href={`tel:${profile.phone}`}>{profile.phone}</a>}
            {place && <span>{place}</span>}
            {links.map((l) => <a key={l.label} href={l.url} target="_blank" rel="noopener noreferrer nofollow">{l.label}</a>)}
          </div>
        </div>
      </div>
      <dl className="definition-grid candidate-facts">
        <dt>Source</dt>
        <dd>{profile.source ?? '—'}</dd>
        <dt>Experience</dt>
        <dd data-testid="candidate-years">{profile.yearsExperience == null ? '—' : `${profile.yearsExperience} years`}</dd>
        <dt>Skills</dt>
        <dd data-testid="candidate-skills">{profile.skills.length ? profile.skills.map((s) => <span key={s} className="chip">{s}</span>) : '—'}</dd>
        <dt>Tags</dt>
        <dd>{profile.tags.length ? profile.tags.map((tag) => <span key={tag} className="chip chip-tag">{tag}</span>) : '—'}</dd>
        {profile.employers.length > 0 && (
          <>
            <dt>Employers</dt>
            <dd>
              <ul className="plain-list">
                {profile.employers.map((e, i) => (
                  <li key={i}>{[e.title, e.company].filter(Boolean).join(' at ')} <span className="muted">{yearSpan(e.start, e.end, e.isCurrent)}</span></li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {profile.education.length > 0 && (
          <>
            <dt>Education</dt>
            <dd>
              <ul className="plain-list">
                {profile.education.map((e, i) => (
                  <li key={i}>{[e.degree, e.institution].filter(Boolean).join(', ')} <span className="muted">{yearSpan(e.startYear, e.endYear)}</span></li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Resume</dt>
        <dd><ResumeDownload profile={profile} /></dd>
      </dl>
    </div>
  );
}
