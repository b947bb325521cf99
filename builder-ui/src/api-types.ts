// Shapes of the Trellis HTTP API as the web UI reads them.
import type { TGraph, TGraphEdge, TGraphNode } from '../../workflows/graph/schema';

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

export type InboxTask = {
  id: string;
  kind: TaskKind;
  title: string;
  status: string;
  dueAt: string | null;
  createdAt: string;
  candidate: CandidateSummary | null;
  application: { id: string; job: { id: string; title: string }; stage: { key: string; name: string } } | null;
  runId: string | null;
};

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
