// Starter template: nurture silver medalists, the finalists who were not hired
// this time. A recruiter starts it for the candidate (manual trigger); they are
// tagged and pooled, get a personal note two weeks later, then a monthly
// check-in for six months, and finally a recruiter task to call them. The run
// ends as soon as they apply, reply, unsubscribe or are hired.
import type { TGraph } from '../schema';

const FROM = 'Talent Team';
/** Business hours in the candidate's own time zone (UTC when unknown). */
const WORKING_HOURS = { timeZone: 'UTC', timeZoneField: 'candidate.timeZone', days: ['mon', 'tue', 'wed', 'thu'], startHour: 9, endHour: 12 } as const;

export function silverMedalistNurtureGraph(opts: { months?: number } = {}): TGraph {
  return {
    nodes: [
      { id: 'enrolled', type: 'trigger.manual', typeVersion: 1, label: 'Recruiter adds a silver medalist', config: {} },
      { id: 'tag', type: 'action.tag', typeVersion: 1, label: 'Tag silver medalist', config: { add: ['silver-medalist'] } },
      { id: 'pool', type: 'action.add_to_pool', typeVersion: 1, label: 'Add to Silver medalists', config: { poolName: 'Silver medalists' } },
      { id: 'settle', type: 'time.wait', typeVersion: 1, label: 'Let two weeks pass', config: { duration: { days: 14 } } },
      { id: 'first_window', type: 'time.send_window', typeVersion: 1, label: 'Weekday morning', config: { ...WORKING_HOURS, days: [...WORKING_HOURS.days] } },
      {
        id: 'personal_note', type: 'message.send_email', typeVersion: 1, label: 'Personal note',
        config: {
          subject: 'Staying in touch, {{candidate.firstName}}',
          body:
            'Hi {{candidate.firstName}},\n\nI wanted to say again how much the team enjoyed meeting you. You were one of our strongest ' +
            'finalists, and the decision was a close one.\n\nWe are growing, and I would love to let you know first when a role comes up ' +
            'that fits you. If anything changes on your side, just reply to this email.\n\nAll the best,\n{{sender.name}}\n{{org.name}}',
          fromName: FROM,
        },
      },
      { id: 'month', type: 'time.wait', typeVersion: 1, label: 'Wait a month', config: { duration: { days: 30 } } },
      { id: 'month_window', type: 'time.send_window', typeVersion: 1, label: 'Weekday morning', config: { ...WORKING_HOURS, days: [...WORKING_HOURS.days] } },
      {
        id: 'check_in', type: 'message.send_email', typeVersion: 1, label: 'Monthly check-in',
        config: {
          subject: 'New roles at {{org.name}} this month',
          body:
            'Hi {{candidate.firstName}},\n\nA quick update from {{org.name}}: our team keeps growing and new roles open every month. ' +
            'If you would like to hear about one in particular, or simply catch up, reply to this email and I will set up a call.\n\n' +
            'Best,\n{{sender.name}}\n\nYou receive this because you interviewed with us. Prefer not to hear from us? Reply and say so, and these check-ins stop.',
          fromName: FROM,
          category: 'MARKETING',
        },
      },
      { id: 'another_month', type: 'logic.branch', typeVersion: 1, label: 'Six check-ins sent?', config: { rules: [{ port: 'done', when: [{ field: 'visits.month', op: 'gte', value: opts.months ?? 6 }] }], otherwise: 'again' } },
      {
        id: 'recruiter_call', type: 'people.create_task', typeVersion: 2, label: 'Call the silver medalist',
        config: { title: 'Call a silver medalist about open roles', kind: 'TODO', assignee: { role: 'RECRUITER' }, dueIn: { days: 5 }, remindEvery: { days: 2 } },
      },
      { id: 'end', type: 'action.end', typeVersion: 1, label: 'Done', config: {} },
    ],
    edges: [
      { source: 'enrolled', sourcePort: 'out', target: 'tag' },
      { source: 'tag', sourcePort: 'out', target: 'pool' },
      { source: 'pool', sourcePort: 'out', target: 'settle' },
      { source: 'settle', sourcePort: 'out', target: 'first_window' },
      { source: 'first_window', sourcePort: 'out', target: 'personal_note' },
      { source: 'personal_note', sourcePort: 'out', target: 'month' },
      { source: 'month', sourcePort: 'out', target: 'month_window' },
      { source: 'month_window', sourcePort: 'out', target: 'check_in' },
      { source: 'check_in', sourcePort: 'out', target: 'another_month' },
      { source: 'another_month', sourcePort: 'again', target: 'month' },
      { source: 'another_month', sourcePort: 'done', target: 'recruiter_call' },
      { source: 'recruiter_call', sourcePort: 'completed', target: 'end' },
    ],
    layout: {
      enrolled: { x: 0, y: 0 },
      tag: { x: 0, y: 150 },
      pool: { x: 0, y: 300 },
      settle: { x: 0, y: 450 },
      first_window: { x: 0, y: 600 },
      personal_note: { x: 0, y: 750 },
      month: { x: 0, y: 900 },
      month_window: { x: 0, y: 1050 },
      check_in: { x: 0, y: 1200 },
      another_month: { x: 0, y: 1350 },
      recruiter_call: { x: 300, y: 1500 },
      end: { x: 300, y: 1650 },
    },
    settings: { exitOn: ['candidate.applied', 'candidate.replied', 'candidate.unsubscribed', 'candidate.hired'] },
  };
}
