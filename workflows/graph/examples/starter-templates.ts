// The starter templates the builder offers when a pipeline is created: ready
// graphs (with a canvas layout) that validate and publish as they are. Pure,
// so the API (GET /api/pipeline-templates, POST /api/pipelines {templateId})
// and the builder UI share them.
import type { TGraph } from '../schema';
import { standardHiringGraph, OFFER_APPROVER_PLACEHOLDER, STANDARD_HIRING_STAGE_KEYS } from './standard-hiring';
import { silverMedalistNurtureGraph } from './silver-medalist-nurture';
import { eventFollowUpGraph } from './event-follow-up';
import { jobAlertDigestGraph } from './job-alert-digest';
import { prospectNurtureGraph } from './prospect-nurture';

export interface StarterTemplate {
  id: string;
  name: string;
  kind: 'HIRING' | 'NURTURE';
  description: string;
  /** Shared: copy it (instantiateStarterTemplate) before editing. */
  graph: TGraph;
}

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    id: 'standard-hiring',
    name: 'Standard hiring pipeline',
    kind: 'HIRING',
    description:
      'Apply, recruiter screen, interviews, scorecard, hire decision and an approved offer. Rejections get a kind email; ' +
      'a step nobody answers is asked for once more, then flagged for a recruiter. ' +
      `Needs the job stages ${STANDARD_HIRING_STAGE_KEYS.join(', ')} (the default stages).`,
    graph: standardHiringGraph(),
  },
  {
    id: 'silver-medalist-nurture',
    name: 'Silver-medalist nurture',
    kind: 'NURTURE',
    description:
      'For strong finalists you did not hire: tag and pool them, a personal note after two weeks, a monthly check-in for six ' +
      'months, then a recruiter call. Stops when they apply, reply, unsubscribe or are hired.',
    graph: silverMedalistNurtureGraph(),
  },
  {
    id: 'event-follow-up',
    name: 'Event follow-up',
    kind: 'NURTURE',
    description:
      'After someone checks in at a recruiting event: a thank-you the next working morning; a reply becomes a recruiter task ' +
      'due in a day, silence gets one email about open roles and a place in the Event attendees pool.',
    graph: eventFollowUpGraph(),
  },
  {
    id: 'job-alert-digest',
    name: 'Job-alert digest',
    kind: 'NURTURE',
    description:
      'For job-alert subscribers: a confirmation, then a weekly digest every Tuesday morning in their time zone for 26 weeks, ' +
      'then a note that the alerts ended. Stops when they unsubscribe or are hired.',
    graph: jobAlertDigestGraph(),
  },
  {
    id: 'prospect-nurture',
    name: 'Prospect nurture (campaign)',
    kind: 'NURTURE',
    description:
      'For a campaign\'s audience: an introduction on a weekday morning in their time zone, a follow-up two weeks later, ' +
      'then a recruiter task to reach out by hand. Stops when they apply, reply, unsubscribe or are hired.',
    graph: prospectNurtureGraph(),
  },
];

export function findStarterTemplate(id: string): StarterTemplate | undefined {
  return STARTER_TEMPLATES.find((t) => t.id === id);
}

export interface TemplatePeople {
  /** Who approves offers (people.approval nodes that name the placeholder approver). */
  offerApproverUserIds: readonly string[];
}

/**
 * A fresh copy of the template's graph for a new draft, with the placeholder
 * approver replaced by real people of the organization when there are some
 * (the API always finds someone: a hiring manager, else an admin, else the
 * person creating the pipeline).
 */
export function instantiateStarterTemplate(template: StarterTemplate, people?: TemplatePeople): TGraph {
  const graph = structuredClone(template.graph);
  const approvers = people?.offerApproverUserIds ?? [];
  if (!approvers.length) return graph;
  for (const node of graph.nodes) {
    const config = node.config as { approverUserIds?: string[] } | undefined;
    if (node.type !== 'people.approval' || !config?.approverUserIds?.includes(OFFER_APPROVER_PLACEHOLDER)) continue;
    config.approverUserIds = [...new Set(config.approverUserIds.flatMap((id) => (id === OFFER_APPROVER_PLACEHOLDER ? approvers : [id])))];
  }
  return graph;
}
