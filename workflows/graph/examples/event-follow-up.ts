// Starter template: follow up with the people who came to a recruiting event
// (meetup, career fair, open house). The morning after they check in they get
// a thank-you; a reply becomes a recruiter task due the next day, and silence
// for five days gets one email about open roles and a place in the event
// talent pool. Applying, unsubscribing or being hired ends the run.
import type { TGraph } from '../schema';

const FROM = 'Talent Team';

export function eventFollowUpGraph(): TGraph {
  return {
    nodes: [
      { id: 'attended', type: 'trigger.event_registration', typeVersion: 1, label: 'Checked in at an event', config: { status: 'attended' } },
      {
        id: 'next_morning', type: 'time.send_window', typeVersion: 1, label: 'Next working morning',
        config: { timeZone: 'UTC', timeZoneField: 'candidate.timeZone', days: ['mon', 'tue', 'wed', 'thu', 'fri'], startHour: 9, endHour: 11 },
      },
      {
        id: 'thank_you', type: 'message.send_email', typeVersion: 1, label: 'Thank you for coming',
        config: {
          subject: 'Great to meet you, {{candidate.firstName}}',
          body:
            'Hi {{candidate.firstName}},\n\nThank you for coming to our event! It was great to meet you and hear what you are working on.\n\n' +
            'If you would like to talk about working at {{org.name}}, simply reply to this email and one of our recruiters will get back ' +
            'to you within a day.\n\nSee you next time,\n{{sender.name}}',
          fromName: FROM,
        },
      },
      { id: 'tag', type: 'action.tag', typeVersion: 1, label: 'Tag event attendee', config: { add: ['event-attendee'] } },
      { id: 'wait_reply', type: 'events.wait_for_any', typeVersion: 1, label: 'Reply within 5 days?', config: { events: [{ name: 'candidate.replied', port: 'replied' }], timeout: { days: 5 } } },
      {
        id: 'follow_up', type: 'people.create_task', typeVersion: 2, label: 'Answer the attendee',
        config: {
          title: 'Answer an event attendee who replied', kind: 'TODO', assignee: { role: 'RECRUITER' }, dueIn: { days: 1 }, remindEvery: { hours: 4 },
          escalations: [{ after: { days: 1 }, assignee: { role: 'ADMIN' } }],
        },
      },
      { id: 'replied_end', type: 'action.end', typeVersion: 1, label: 'In conversation', config: {} },
      {
        id: 'open_roles', type: 'message.send_email', typeVersion: 1, label: 'Open roles',
        config: {
          subject: 'Roles at {{org.name}} you might like',
          body:
            'Hi {{candidate.firstName}},\n\nThanks again for joining us last week. In case you are curious about what it is like to ' +
            'work at {{org.name}}, we are hiring across several teams right now, and we would love to see your application.\n\n' +
            'Questions first? Just reply to this email.\n\nBest,\n{{sender.name}}',
          fromName: FROM,
          category: 'MARKETING',
        },
      },
      { id: 'pool', type: 'action.add_to_pool', typeVersion: 1, label: 'Add to Event attendees', config: { poolName: 'Event attendees' } },
      { id: 'end', type: 'action.end', typeVersion: 1, label: 'Done', config: {} },
    ],
    edges: [
      { source: 'attended', sourcePort: 'out', target: 'next_morning' },
      { source: 'next_morning', sourcePort: 'out', target: 'thank_you' },
      { source: 'thank_you', sourcePort: 'out', target: 'tag' },
      { source: 'tag', sourcePort: 'out', target: 'wait_reply' },
      { source: 'wait_reply', sourcePort: 'replied', target: 'follow_up' },
      { source: 'wait_reply', sourcePort: 'timeout', target: 'open_roles' },
      { source: 'follow_up', sourcePort: 'completed', target: 'replied_end' },
      { source: 'open_roles', sourcePort: 'out', target: 'pool' },
      { source: 'pool', sourcePort: 'out', target: 'end' },
    ],
    layout: {
      attended: { x: 0, y: 0 },
      next_morning: { x: 0, y: 150 },
      thank_you: { x: 0, y: 300 },
      tag: { x: 0, y: 450 },
      wait_reply: { x: 0, y: 600 },
      follow_up: { x: -150, y: 750 },
      replied_end: { x: -150, y: 900 },
      open_roles: { x: 150, y: 750 },
      pool: { x: 150, y: 900 },
      end: { x: 150, y: 1050 },
    },
    // Replies are handled above (a recruiter answers); applying means the hiring pipeline takes over.
    settings: { exitOn: ['candidate.applied', 'candidate.unsubscribed', 'candidate.hired'] },
  };
}
