// Starter template: the standard hiring pipeline, apply -> screen -> interview
// -> feedback -> decision -> offer. Stage moves use the default job stages
// (api/routes/jobs.ts DEFAULT_STAGES), so a job must have the stage keys
// `screen`, `interview`, `offer`, `hired` and `rejected`; `applied` is where
// applications start. Every human step has a deadline: a screen or scorecard
// nobody submits is asked for once more (bounded by visits.<node>), then the
// run stops with an internal note so a recruiter picks the application up.
import type { TGraph } from '../schema';

/** The stage keys this template moves applications to; a job running it must have all of them. */
export const STANDARD_HIRING_STAGE_KEYS = ['screen', 'interview', 'offer', 'hired', 'rejected'] as const;

/**
 * Stands for the offer approver until a real user is chosen: creating a pipeline
 * from the template swaps in a hiring manager (or admin) of the organization.
 */
export const OFFER_APPROVER_PLACEHOLDER = 'hiring-manager';

const FROM = 'Talent Team';

export function standardHiringGraph(): TGraph {
  return {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, label: 'Application received', config: {} },
      {
        id: 'acknowledge', type: 'message.send_email', typeVersion: 1, label: 'Thank the applicant',
        config: {
          subject: 'Thanks for applying to {{job.title}} at {{org.name}}',
          body:
            'Hi {{candidate.firstName}},\n\nThank you for applying for the {{job.title}} role at {{org.name}}. A recruiter will review ' +
            'your application within the next week and get back to you either way.\n\nBest regards,\n{{sender.name}}',
          fromName: FROM,
        },
      },
      { id: 'to_screen', type: 'action.move_to_stage', typeVersion: 1, label: 'Move to Screen', config: { stage: 'screen' } },
      { id: 'screen', type: 'people.collect_feedback', typeVersion: 1, label: 'Recruiter screen', config: { title: 'Screen the application', assignee: { role: 'RECRUITER' }, timeout: { days: 5 } } },
      { id: 'screen_retry', type: 'logic.branch', typeVersion: 1, label: 'Screen asked twice?', config: { rules: [{ port: 'give_up', when: [{ field: 'visits.screen', op: 'gte', value: 2 }] }], otherwise: 'ask_again' } },
      { id: 'screen_passed', type: 'logic.branch', typeVersion: 1, label: 'Screen score ≥ 3?', config: { rules: [{ port: 'advance', when: [{ field: 'feedback.score', op: 'gte', value: 3 }] }], otherwise: 'decline' } },
      {
        id: 'reject_after_screen', type: 'action.reject', typeVersion: 1, label: 'Reject after screen',
        config: {
          reason: 'not a match at the screen',
          emailSubject: 'Your application for {{job.title}}',
          emailBody:
            'Hi {{candidate.firstName}},\n\nThank you for your interest in the {{job.title}} role at {{org.name}}. We have reviewed your ' +
            'application carefully and decided not to move forward at this time.\n\nWe will keep your details on file and may reach out ' +
            'about future roles.\n\nBest regards,\n{{sender.name}}',
          emailFromName: FROM,
        },
      },
      { id: 'closed_after_screen', type: 'action.end', typeVersion: 1, label: 'Closed', config: {} },
      { id: 'to_interview', type: 'action.move_to_stage', typeVersion: 1, label: 'Move to Interview', config: { stage: 'interview' } },
      {
        id: 'invite', type: 'message.send_email', typeVersion: 1, label: 'Interview invitation',
        config: {
          subject: 'Next step: interviews for {{job.title}}',
          body:
            'Hi {{candidate.firstName}},\n\nGood news: we would like to invite you to interview for the {{job.title}} role. Our ' +
            'coordinator will be in touch within two working days to find a time that suits you.\n\nLooking forward to speaking with you,\n{{sender.name}}',
          fromName: FROM,
        },
      },
      {
        id: 'schedule', type: 'people.create_task', typeVersion: 2, label: 'Schedule the interviews',
        config: {
          title: 'Schedule the interview loop', kind: 'SCHEDULE', assignee: { role: 'COORDINATOR' }, dueIn: { days: 2 }, remindEvery: { days: 1 },
          escalations: [{ after: { days: 1 }, assignee: { role: 'RECRUITER' } }],
        },
      },
      { id: 'interview_feedback', type: 'people.collect_feedback', typeVersion: 1, label: 'Interview scorecard', config: { title: 'Submit the interview scorecard', assignee: { role: 'HIRING_MANAGER' }, timeout: { days: 7 } } },
      { id: 'feedback_retry', type: 'logic.branch', typeVersion: 1, label: 'Scorecard asked twice?', config: { rules: [{ port: 'give_up', when: [{ field: 'visits.interview_feedback', op: 'gte', value: 2 }] }], otherwise: 'ask_again' } },
      { id: 'decision', type: 'logic.branch', typeVersion: 1, label: 'Hire decision: score ≥ 3?', config: { rules: [{ port: 'offer', when: [{ field: 'feedback.score', op: 'gte', value: 3 }] }], otherwise: 'decline' } },
      {
        id: 'reject_after_interview', type: 'action.reject', typeVersion: 1, label: 'Reject after interviews',
        config: {
          reason: 'not selected after interviews',
          emailSubject: 'Your interviews for {{job.title}}',
          emailBody:
            'Hi {{candidate.firstName}},\n\nThank you for the time you spent interviewing with us for the {{job.title}} role. It was a ' +
            'difficult decision, but we have decided to move forward with another candidate.\n\nWe were impressed by your background and ' +
            'would be glad to stay in touch about future openings at {{org.name}}.\n\nKind regards,\n{{sender.name}}',
          emailFromName: FROM,
        },
      },
      { id: 'closed_after_interview', type: 'action.end', typeVersion: 1, label: 'Closed', config: {} },
      { id: 'to_offer', type: 'action.move_to_stage', typeVersion: 1, label: 'Move to Offer', config: { stage: 'offer' } },
      { id: 'offer_approval', type: 'people.approval', typeVersion: 1, label: 'Offer approval', config: { title: 'Approve the offer', approverUserIds: [OFFER_APPROVER_PLACEHOLDER], required: 1, timeout: { days: 3 } } },
      { id: 'approval_retry', type: 'logic.branch', typeVersion: 1, label: 'Approval asked twice?', config: { rules: [{ port: 'give_up', when: [{ field: 'visits.offer_approval', op: 'gte', value: 2 }] }], otherwise: 'ask_again' } },
      {
        id: 'offer_email', type: 'message.send_email', typeVersion: 1, label: 'Send the offer',
        config: {
          subject: 'Your offer from {{org.name}}',
          body:
            'Hi {{candidate.firstName}},\n\nWe are delighted to offer you the {{job.title}} position at {{org.name}}! Your recruiter ' +
            'will call you shortly to walk you through the details, and the written offer follows in a separate email.\n\nPlease let us ' +
            'know your decision within a week; we are happy to answer any questions in the meantime.\n\nWarm regards,\n{{sender.name}}',
          fromName: FROM,
        },
      },
      {
        id: 'offer_response', type: 'people.create_task', typeVersion: 2, label: 'Record the answer',
        config: {
          title: 'Record the offer answer (outcome: accepted true/false)', kind: 'DECIDE', assignee: { role: 'RECRUITER' }, dueIn: { days: 7 }, remindEvery: { days: 2 },
        },
      },
      { id: 'offer_accepted', type: 'logic.branch', typeVersion: 1, label: 'Offer accepted?', config: { rules: [{ port: 'accepted', when: [{ field: 'task.accepted', op: 'eq', value: true }] }], otherwise: 'declined' } },
      { id: 'hire', type: 'action.hire', typeVersion: 1, label: 'Mark hired', config: { stage: 'hired' } },
      {
        id: 'welcome', type: 'message.send_email', typeVersion: 1, label: 'Welcome aboard',
        config: {
          subject: 'Welcome to {{org.name}}, {{candidate.firstName}}!',
          body:
            'Hi {{candidate.firstName}},\n\nWe are thrilled that you accepted our offer for {{job.title}}. Over the coming days our ' +
            'people team will send your onboarding details and first-day plan.\n\nSee you soon,\n{{sender.name}}',
          fromName: FROM,
        },
      },
      { id: 'hired_end', type: 'action.end', typeVersion: 1, label: 'Hired', config: {} },
      { id: 'offer_declined', type: 'action.reject', typeVersion: 1, label: 'Offer declined', config: { reason: 'candidate declined the offer' } },
      { id: 'declined_end', type: 'action.end', typeVersion: 1, label: 'Closed', config: {} },
      {
        id: 'stalled', type: 'message.internal_note', typeVersion: 1, label: 'Flag the stalled application',
        config: { body: 'No answer came in time for {{candidate.fullName}} ({{job.title}}, stage {{application.stage}}) after a second request. This pipeline stopped here; please pick the application up by hand.' },
      },
      { id: 'stalled_end', type: 'action.end', typeVersion: 1, label: 'Needs attention', config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'acknowledge' },
      { source: 'acknowledge', sourcePort: 'out', target: 'to_screen' },
      { source: 'to_screen', sourcePort: 'out', target: 'screen' },
      { source: 'screen', sourcePort: 'submitted', target: 'screen_passed' },
      { source: 'screen', sourcePort: 'timeout', target: 'screen_retry' },
      { source: 'screen_retry', sourcePort: 'ask_again', target: 'screen' },
      { source: 'screen_retry', sourcePort: 'give_up', target: 'stalled' },
      { source: 'screen_passed', sourcePort: 'advance', target: 'to_interview' },
      { source: 'screen_passed', sourcePort: 'decline', target: 'reject_after_screen' },
      { source: 'reject_after_screen', sourcePort: 'out', target: 'closed_after_screen' },
      { source: 'to_interview', sourcePort: 'out', target: 'invite' },
      { source: 'invite', sourcePort: 'out', target: 'schedule' },
      { source: 'schedule', sourcePort: 'completed', target: 'interview_feedback' },
      { source: 'interview_feedback', sourcePort: 'submitted', target: 'decision' },
      { source: 'interview_feedback', sourcePort: 'timeout', target: 'feedback_retry' },
      { source: 'feedback_retry', sourcePort: 'ask_again', target: 'interview_feedback' },
      { source: 'feedback_retry', sourcePort: 'give_up', target: 'stalled' },
      { source: 'decision', sourcePort: 'offer', target: 'to_offer' },
      { source: 'decision', sourcePort: 'decline', target: 'reject_after_interview' },
      { source: 'reject_after_interview', sourcePort: 'out', target: 'closed_after_interview' },
      { source: 'to_offer', sourcePort: 'out', target: 'offer_approval' },
      { source: 'offer_approval', sourcePort: 'approved', target: 'offer_email' },
      { source: 'offer_approval', sourcePort: 'rejected', target: 'reject_after_interview' },
      { source: 'offer_approval', sourcePort: 'timeout', target: 'approval_retry' },
      { source: 'approval_retry', sourcePort: 'ask_again', target: 'offer_approval' },
      { source: 'approval_retry', sourcePort: 'give_up', target: 'stalled' },
      { source: 'offer_email', sourcePort: 'out', target: 'offer_response' },
      { source: 'offer_response', sourcePort: 'completed', target: 'offer_accepted' },
      { source: 'offer_accepted', sourcePort: 'accepted', target: 'hire' },
      { source: 'offer_accepted', sourcePort: 'declined', target: 'offer_declined' },
      { source: 'hire', sourcePort: 'out', target: 'welcome' },
      { source: 'welcome', sourcePort: 'out', target: 'hired_end' },
      { source: 'offer_declined', sourcePort: 'out', target: 'declined_end' },
      { source: 'stalled', sourcePort: 'out', target: 'stalled_end' },
    ],
    // Happy path down the middle, rejections to the right, stalls to the left.
    layout: {
      applied: { x: 0, y: 0 },
      acknowledge: { x: 0, y: 150 },
      to_screen: { x: 0, y: 300 },
      screen: { x: 0, y: 450 },
      screen_retry: { x: -300, y: 600 },
      screen_passed: { x: 0, y: 600 },
      reject_after_screen: { x: 300, y: 750 },
      closed_after_screen: { x: 300, y: 900 },
      to_interview: { x: 0, y: 750 },
      invite: { x: 0, y: 900 },
      schedule: { x: 0, y: 1050 },
      interview_feedback: { x: 0, y: 1200 },
      feedback_retry: { x: -300, y: 1350 },
      decision: { x: 0, y: 1350 },
      reject_after_interview: { x: 300, y: 1500 },
      closed_after_interview: { x: 300, y: 1650 },
      to_offer: { x: 0, y: 1500 },
      offer_approval: { x: 0, y: 1650 },
      approval_retry: { x: -300, y: 1800 },
      offer_email: { x: 0, y: 1800 },
      offer_response: { x: 0, y: 1950 },
      offer_accepted: { x: 0, y: 2100 },
      hire: { x: 0, y: 2250 },
      welcome: { x: 0, y: 2400 },
      hired_end: { x: 0, y: 2550 },
      offer_declined: { x: 300, y: 2250 },
      declined_end: { x: 300, y: 2400 },
      stalled: { x: -600, y: 1950 },
      stalled_end: { x: -600, y: 2100 },
    },
    // A candidate who withdraws leaves the process wherever they are (open tasks are cancelled).
    settings: { exitOn: ['candidate.withdrew'] },
  };
}
