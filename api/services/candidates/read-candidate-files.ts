// Opening what a profile links to: the current resume file (bytes from resume
// storage) and one message sent to or received from the candidate, each only
// as far as the viewer's candidate visibility reaches.
import type { Pool } from 'pg';
import type { AuthContext } from '../../auth';
import { notFound } from '../../errors';
import { createResumeStorage, resumeStorageRoot } from '../../apply/resume-storage';
import { candidateVisibility } from './candidate-visibility';

export async function readCurrentResume(pool: Pool, dataDir: string, orgId: string, candidateId: string) {
  const { rows: [file] } = await pool.query<{ id: string; storageKey: string; storedName: string; mimeType: string }>(
    `SELECT r.id, r."storageKey", r."storedName", r."mimeType" FROM "Candidate" c JOIN "ResumeFile" r ON r.id = c."currentResumeId" AND r."orgId" = c."orgId"
      WHERE c.id = $1 AND c."orgId" = $2`,
    [candidateId, orgId],
  );
  if (!file) throw notFound('Resume of candidate', candidateId);
  const bytes = await createResumeStorage(resumeStorageRoot(dataDir)).read(file.storageKey);
  return { ...file, bytes };
}

export async function readCandidateMessage(pool: Pool, auth: AuthContext, candidateId: string, messageId: string) {
  const { rows: [message] } = await pool.query<{ id: string; applicationId: string | null } & Record<string, unknown>>(
    `SELECT m.id, m.channel, m.direction, m.status, m."fromAddress", m."toAddress", m.subject, m."bodyText", m."createdAt", m."sentAt", r."applicationId"
       FROM "Message" m LEFT JOIN "Run" r ON r.id = m."runId" WHERE m.id = $1 AND m."candidateId" = $2 AND m."orgId" = $3`,
    [messageId, candidateId, auth.orgId],
  );
  const seen = message ? await candidateVisibility(pool, auth, candidateId) : null;
  const isVisible = !!seen && !seen.isInterviewer && (seen.isOrgWide || (!!message!.applicationId && seen.applicationIds.includes(message!.applicationId)));
  if (!message || !isVisible) throw notFound('Message', messageId);
  return message;
}
