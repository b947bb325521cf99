// Shapes of the Trellis HTTP API as the web UI reads them.
import type { TGraph, TGraphEdge, TGraphNode } from '../../workflows/graph/schema';
import type { CandidateSearchHit as ServerCandidateSearchHit } from '../../api/services/search-candidates';

export type SessionUser = { id: string; name: string; email: string; role: string };
export type SessionOrg = { id: string; slug: string; name: string };
export type DevSession = { token: string; user: SessionUser; org: SessionOrg };
/** A signed-in browser (POST /api/auth/login, GET /api/auth/me). */
export type CookieSession = { user: SessionUser; org: SessionOrg; csrfToken: string };

export type ApiErrorDetail = { path: string; message: string; code?: string; nodeId?: string; edgeId?: string };
export type ApiErrorBody = { error: { code: string; message: string; details?: ApiErrorDetail[] } };

export type CandidateSummary = { id: string; firstName: string; lastName: string; email: string };

export type TaskKind = 'FEEDBACK' | 'REVIEW' | (string & {});
export type TaskStatus = 'OPEN' | 'COMPLETED';

/** One task of GET /api/tasks (the keyset inbox). */
export type InboxTask = {
  id: string;
  kind: TaskKind;
  title: string;
  status: string;
  dueAt: string | null;
  snoozedUntil: string | null;
  createdAt: string;
  isOverdue: boolean;
  isDueToday: boolean;
  isSnoozed: boolean;
  assignee: { id: string; name: string | null } | null;
  assigneeRole: string | null;
  claimedById: string | null;
  candidate: { id: string; firstName: string; lastName: string } | null;
  application: { id: string; stage: { key: string; name: string } | null } | null;
  job: { id: string; title: string } | null;
  runId: string | null;
  outcome: unknown;
  completedAt: string | null;
};
export type InboxState = 'open' | 'snoozed' | 'completed' | 'cancelled';
/** `isCapped`: more open tasks than the server counts (1,000); each count is then a lower bound. */
export type InboxCounts = { open: number; overdue: number; dueToday: number; snoozed: number; isCapped: boolean };
export type InboxPageResult = { tasks: InboxTask[]; counts: InboxCounts | null; nextCursor: string | null };
export type OrgUser = { id: string; name: string; email: string; role: string };

export type FeedbackScore = 1 | 2 | 3 | 4;
export type FeedbackSubmission = { score: FeedbackScore; recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes'; notes: string };

// The graph schema is shared with the API and the workflow sandbox; a type-only import keeps
// zod and the validator out of the browser bundle.
export type PipelineGraph = TGraph;
export type PipelineNode = TGraphNode;
export type PipelineEdge = TGraphEdge;

export type PipelineVersionRef = { id: string; version: number; hash: string; publishedAt: string };
export type PipelineSummary = {
  id: string;
  name: string;
  kind: string;
  draftRevision: number;
  updatedAt: string;
  latestVersion: PipelineVersionRef | null;
};
export type PipelineVersion = PipelineVersionRef & { status: string };
export type PipelineDetail = {
  id: string;
  name: string;
  kind: string;
  draft: PipelineGraph;
  draftRevision: number;
  versions: PipelineVersion[];
  /** Jobs this pipeline runs for, with their stages (stage nodes must name one of them). */
  jobs?: { id: string; title: string; stages: { key: string; name: string }[] }[];
};
export type PublishedVersion = { id: string; version: number; hash: string };

export type RunCandidate = { firstName: string; lastName: string; email: string };
export type RunVersion = { version: number; pipeline: { name: string } };
export type RunSummary = {
  id: string;
  workflowId: string;
  status: string;
  currentNodeId: string | null;
  startedAt: string;
  endedAt: string | null;
  candidate: RunCandidate;
  version: RunVersion;
};
export type RunStep = { nodeId: string; nodeType: string; port?: string; at: string; detail?: unknown };
export type RunDetail = RunSummary & { steps: RunStep[]; temporalUrl: string };

export type JobStage = { key: string; name: string; position: number };
export type JobSummary = {
  id: string;
  title: string;
  department: string | null;
  status: string;
  pipelineId: string | null;
  stages: JobStage[];
  applicationCount: number;
};
export type NewApplication = {
  jobId: string;
  candidate: { firstName: string; lastName: string; email: string; phone?: string };
  source: 'manual';
};
export type CreatedApplication = { id: string };

export type MailboxMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  receivedAt: string;
};

/** GET /api/candidates/:id: the profile as the viewer may see it. */
export type CandidateLinks = { linkedin?: string | null; github?: string | null; website?: string | null; others?: string[] };
export type CandidateApplication = {
  id: string;
  status: string;
  source: string | null;
  appliedAt: string;
  job: { id: string; title: string; status: string };
  stage: { id: string; key: string; name: string; kind: string };
  rejectionReason: string | null;
  hiddenScorecardCount: number;
};
export type CandidateProfile = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  location: string | null;
  city: string | null;
  countryCode: string | null;
  headline: string | null;
  yearsExperience: number | null;
  skills: string[];
  tags: string[];
  source: string | null;
  links: CandidateLinks;
  education: Array<{ institution: string | null; degree: string | null; startYear: number | null; endYear: number | null }>;
  employers: Array<{ company: string | null; title: string | null; start: string; end: string | null; isCurrent: boolean }>;
  mergedIntoId: string | null;
  createdAt: string;
  resume: { id: string; displayName: string; mimeType: string; sizeBytes: number; uploadedAt: string; parseStatus: string } | null;
  applications: CandidateApplication[];
  /** PROSPECT (never applied) or APPLICANT. */
  kind?: string;
  timeZone?: string | null;
  anonymizedAt?: string | null;
  /** The CRM side, for the recruiting team only (null for hiring managers and interviewers). */
  crm?: CandidateCrmFacts | null;
  pools?: { id: string; name: string; addedAt: string }[];
  isOrgWideView?: boolean;
};
export type CandidateCrmFacts = {
  interestLevel: string | null;
  sourceDetail: unknown;
  referrer: { id: string; name: string } | null;
  engagementScore: number;
  lastContactedAt: string | null;
  lastEngagedAt: string | null;
  lastRepliedAt: string | null;
};
export type TimelineEntry = { id: string; kind: string; occurredAt: string; applicationId: string | null; userId: string | null; data: Record<string, unknown> };
export type TimelinePage = { entries: TimelineEntry[]; nextCursor: string | null };
export type CandidateMessage = { id: string; subject: string | null; fromAddress: string; toAddress: string; bodyText: string; status: string; createdAt: string; sentAt: string | null };

/** POST /api/search/candidates. */
export type CandidateSearchQuery = {
  q?: string;
  skills?: string[];
  minYears?: number;
  maxYears?: number;
  location?: { countryCode: string; city?: string };
  tags?: string[];
  jobId?: string;
  stageId?: string;
  source?: string;
  status?: 'ACTIVE' | 'REJECTED' | 'WITHDRAWN' | 'HIRED';
  sort?: 'relevance' | 'recent';
};
/** A search hit as JSON: the server's row with its timestamp as text. */
export type CandidateSearchHit = Omit<ServerCandidateSearchHit, 'createdAt' | 'rank'> & { createdAt: string };
export type CandidateSearchResult = { sort: string; candidates: CandidateSearchHit[]; nextCursor: string | null };
export type SavedSearch = { id: string; name: string; query: CandidateSearchQuery; isShared: boolean; isMine: boolean };
