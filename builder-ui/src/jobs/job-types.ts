// Shapes of the jobs API (GET /api/jobs, /api/jobs/:id, /api/jobs/:id/board, /api/jobs/:id/fit) as the
// recruiter UI reads them.
import type { JobSummary } from '../api-types';
import type { TFitKind, TFitRanking, TRankedCandidate } from '../../../api/services/fit/rank-candidates';
import type { TFitComponent } from '../../../api/services/fit/score-fit';

export type JobStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'OPEN' | 'CLOSED';
export type StageKind = 'APPLIED' | 'SCREEN' | 'INTERVIEW' | 'OFFER' | 'HIRED' | 'REJECTED' | 'OTHER';
export type JobMemberRole = 'RECRUITER' | 'HIRING_MANAGER' | 'INTERVIEWER' | 'COORDINATOR';

export type JobListItem = JobSummary & {
  locations: string[];
  remotePolicy: string;
  stages: (JobSummary['stages'][number] & { kind: StageKind; applicationCount: number })[];
  members: { userId: string; role: JobMemberRole; name: string }[];
};

export type EditableStage = { key: string; name: string; kind: StageKind };
export type JobLocationInput = { city?: string; region?: string; countryCode: string };
export type KnockoutRule = { answer: boolean } | { min?: number; max?: number } | { choices: string[] };
export type JobQuestionInput = {
  key: string;
  label: string;
  helpText?: string;
  type: 'YES_NO' | 'NUMBER' | 'CHOICE' | 'TEXT';
  choices: string[];
  isRequired: boolean;
  knockout?: KnockoutRule;
};
export type JobMemberInput = { userId: string; role: JobMemberRole };
export type SalaryInput = { min?: number | null; max?: number | null; currency: string; unit: 'YEAR' | 'MONTH' | 'HOUR' };

export type JobApproval = { id: string; round: number; approverId: string; decision: 'PENDING' | 'APPROVED' | 'REJECTED'; comment: string | null };

export type JobDetail = {
  id: string;
  title: string;
  department: string | null;
  requisitionId: string | null;
  jobLocations: JobLocationInput[];
  remotePolicy: 'ONSITE' | 'HYBRID' | 'REMOTE';
  remoteCountries: string[];
  employmentType: 'FULL_TIME' | 'PART_TIME' | 'CONTRACTOR' | 'TEMPORARY' | 'INTERN';
  salary: SalaryInput | null;
  description: string;
  openings: number;
  slug: string | null;
  pipelineId: string | null;
  members: (JobMemberInput & { name: string; email: string })[];
  questions: (Omit<JobQuestionInput, 'helpText' | 'knockout'> & { helpText: string | null; knockout: KnockoutRule | null })[];
  requiredApprovals: number;
  validThrough: string | null;
  status: JobStatus;
  stages: (EditableStage & { id: string; position: number })[];
  approvals: JobApproval[];
};

export type OrgUser = { id: string; name: string; email: string; role: string; deactivated: boolean };
export type StageTemplate = { id: string; name: string; stages: EditableStage[]; isDefault: boolean };
export type RejectionReason = { id: string; label: string; category?: string };

export type BoardCard = {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  headline: string | null;
  source: string | null;
  status: 'ACTIVE' | 'REJECTED' | 'HIRED' | 'WITHDRAWN';
  tags: string[];
  appliedAt: string;
  enteredStageAt: string;
  openTaskCount: number;
  hasKnockoutFailure: boolean;
  scorecards: { count: number; averageScore: number; recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes' } | null;
};
export type BoardStage = { key: string; name: string; kind: StageKind; position: number; count: number; cards: BoardCard[]; nextCursor: string | null };
export type JobBoard = {
  job: { id: string; title: string; status: JobStatus; department: string | null; pipelineId: string | null };
  sources: string[];
  stages: BoardStage[];
};
export type BoardStagePage = { cards: BoardCard[]; nextCursor: string | null };
export type BoardFilters = { q: string; source: string; status: 'all' | 'active' | 'rejected' | 'hired' };

/** GET /api/jobs/:id/fit: the server's own types (plain JSON already), so the two cannot drift apart. */
export type FitKind = TFitKind;
export type FitRanking = TFitRanking;
export type RankedCandidate = TRankedCandidate;
export type FitComponent = TFitComponent;

export const JOB_STATUS_LABELS: Record<JobStatus, string> = { DRAFT: 'Draft', PENDING_APPROVAL: 'Pending approval', OPEN: 'Open', CLOSED: 'Closed' };

/** Roles that create and edit jobs (the jobs routes' EDITORS). */
export const JOB_EDITOR_ROLES = ['ADMIN', 'RECRUITER'];

/** Roles that may rank prospects (the fit route's org-wide roles); a hiring manager ranks their job's applicants only. */
export const FIT_PROSPECT_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];
/** Roles that may make a prospect an applicant (POST /api/candidates/:id/hand-off). */
export const HAND_OFF_ROLES = ['ADMIN', 'RECRUITER'];
