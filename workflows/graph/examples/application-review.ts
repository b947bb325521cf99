// The first hiring pipeline: acknowledge the application, collect a screening
// scorecard (or time out), then advance strong candidates to the interview
// stage or send a kind rejection. Used by the dev seed, tests and benchmarks.
import type { TGraph } from '../schema';

export function applicationReviewGraph(opts: { feedbackTimeout?: { days?: number; hours?: number; minutes?: number; seconds?: number } } = {}): TGraph {
  return {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, label: 'Application received', config: {} },
      {
        id: 'acknowledge', type: 'message.send_email', typeVersion: 1, label: 'Acknowledge',
        config: {
          subject: 'We received your application for {{job.title}}',
          body: 'Hi {{candidate.firstName}},\n\nThank you for applying to {{job.title}} at {{org.name}}. Our team is reviewing your application and will get back to you soon.\n\n{{sender.name}}',
          fromName: 'Acme Talent Team',
        },
      },
      { id: 'screen', type: 'people.collect_feedback', typeVersion: 1, label: 'Screening scorecard', config: { title: 'Screen the application', assignee: { role: 'RECRUITER' }, timeout: opts.feedbackTimeout ?? { days: 5 } } },
      { id: 'decide', type: 'logic.branch', typeVersion: 1, label: 'Score ≥ 3?', config: { rules: [{ port: 'advance', when: [{ field: 'feedback.score', op: 'gte', value: 3 }] }], otherwise: 'decline' } },
      { id: 'to_interview', type: 'action.move_to_stage', typeVersion: 1, label: 'Move to Interview', config: { stage: 'interview' } },
      {
        id: 'rejection_email', type: 'message.send_email', typeVersion: 1, label: 'Rejection email',
        config: {
          subject: 'Your application for {{job.title}}',
          body: 'Hi {{candidate.firstName}},\n\nThank you for your interest in {{job.title}}. After careful review we have decided not to move forward at this time.\n\n{{sender.name}}',
          fromName: 'Acme Talent Team',
        },
      },
      { id: 'to_rejected', type: 'action.move_to_stage', typeVersion: 1, label: 'Move to Rejected', config: { stage: 'rejected', reason: 'screen score below 3' } },
      { id: 'done', type: 'action.end', typeVersion: 1, label: 'Done', config: {} },
      { id: 'closed', type: 'action.end', typeVersion: 1, label: 'Closed', config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'acknowledge' },
      { source: 'acknowledge', sourcePort: 'out', target: 'screen' },
      { source: 'screen', sourcePort: 'submitted', target: 'decide' },
      { source: 'screen', sourcePort: 'timeout', target: 'rejection_email' },
      { source: 'decide', sourcePort: 'advance', target: 'to_interview' },
      { source: 'decide', sourcePort: 'decline', target: 'rejection_email' },
      { source: 'to_interview', sourcePort: 'out', target: 'done' },
      { source: 'rejection_email', sourcePort: 'out', target: 'to_rejected' },
      { source: 'to_rejected', sourcePort: 'out', target: 'closed' },
    ],
  };
}
