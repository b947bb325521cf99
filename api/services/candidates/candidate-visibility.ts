// What one viewer may see of one candidate: the applications their role reaches
// (org-wide roles all of them; a hiring manager those on jobs they manage or
// interviews they sit on; an interviewer those they interview for), and on which
// of those applications the scorecard independence rule hides others' feedback
// (the viewer is on a panel and has not submitted their own). The profile, the
// timeline and the message view all read this one answer.
import type { Pool } from 'pg';
import type { AuthContext } from '../../auth';
import { ORG_WIDE_ROLES } from '../../sessions/access-scope';
import { PANEL_FACTS_SQL, seesOnlyOwnScorecards } from '../interviews/scorecards';

export interface TCandidateVisibility {
  isOrgWide: boolean;
  /** Applications of the candidate the viewer reaches (all of them for org-wide roles). */
  applicationIds: string[];
  /** Applications where the viewer sees only their own scorecards. */
  ownScorecardsOnlyIds: string[];
  /** Interviewers see no messages, no offers (out of their scope everywhere) and only their own tasks. */
  isInterviewer: boolean;
}

interface VisibilityRow { id: string; isHm: boolean; isPanelist: boolean; hasSubmitted: boolean }

export async function candidateVisibility(pool: Pool, auth: AuthContext, candidateId: string): Promise<TCandidateVisibility> {
  const { rows } = await pool.query<VisibilityRow>(
    `SELECT a.id,
            EXISTS (SELECT 1 FROM "JobMember" m WHERE m."jobId" = a."jobId" AND m."userId" = $3 AND m.role = 'HIRING_MANAGER') AS "isHm",
            ${PANEL_FACTS_SQL('a.id', '$3')}
       FROM "Application" a WHERE a."candidateId" = $1 AND a."orgId" = $2`,
    [candidateId, auth.orgId, auth.userId],
  );
  const isOrgWide = ORG_WIDE_ROLES.includes(auth.role);
  const reaches = (r: VisibilityRow) => isOrgWide || r.isPanelist || (auth.role === 'HIRING_MANAGER' && r.isHm);
  const visible = rows.filter(reaches);
  return {
    isOrgWide,
    applicationIds: visible.map((r) => r.id),
    ownScorecardsOnlyIds: visible.filter(seesOnlyOwnScorecards).map((r) => r.id),
    isInterviewer: auth.role === 'INTERVIEWER',
  };
}
