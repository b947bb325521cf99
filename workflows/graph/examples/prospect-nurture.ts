// Starter template: a campaign's nurture sequence for prospects (trigger.campaign_enrolled). An introduction
// on a weekday morning in their time zone, a follow-up two weeks later if they have not answered, then a
// recruiter task to reach out by hand. The run ends as soon as they apply, reply, unsubscribe or are hired,
// wherever it waits; both emails are marketing (the contact policy's caps, quiet hours and unsubscribes apply).
import type { TDuration, TGraph } from '../schema';

const WEEKDAY_MORNING = { timeZone: 'UTC', timeZoneField: 'candidate.timeZone', days: ['mon', 'tue', 'wed', 'thu'], startHour: 9, endHour: 12 } as const;

export interface ProspectNurtureOptions {
  /** Time between the two emails (default two weeks). */
  gap?: TDuration;
  /** A link in both emails (the careers site, a blog post); none when absent. */
  link?: string;
  /** Send at any hour instead of weekday mornings (tests). */
  isAnyTime?: boolean;
}

export function prospectNurtureGraph(opts: ProspectNurtureOptions = {}): TGraph {
  const link = opts.link ? `\n\nHave a look at what we are building: ${opts.link}` : '';
  const window = (id: string, label: string) => ({ id, type: 'time.send_window', typeVersion: 1, label, config: { ...WEEKDAY_MORNING, days: [...WEEKDAY_MORNING.days] } });
  return {
    nodes: [
      { id: 'enrolled', type: 'trigger.campaign_enrolled', typeVersion: 1, label: 'Enrolled in the campaign', config: {} },
      ...(opts.isAnyTime ? [] : [window('intro_window', 'Weekday morning')]),
      {
        id: 'intro', type: 'message.send_email', typeVersion: 1, label: 'Introduction',
        config: {
          subject: '{{candidate.firstName}}, a team at {{org.name}} you might like',
          body:
            'Hi {{candidate.firstName}},\n\nI lead recruiting at {{org.name}} and came across your profile. We are growing the team, and I think ' +
            `you would enjoy the problems we work on.${link}\n\nWould you be open to a short chat? Just reply to this email.\n\n{{sender.name}}`,
          category: 'MARKETING',
        },
      },
      { id: 'gap', type: 'time.wait', typeVersion: 1, label: 'Give them time', config: { duration: opts.gap ?? { days: 14 } } },
      ...(opts.isAnyTime ? [] : [window('follow_up_window', 'Weekday morning')]),
      {
        id: 'follow_up', type: 'message.send_email', typeVersion: 1, label: 'Follow-up',
        config: {
          subject: 'Following up, {{candidate.firstName}}',
          body:
            `Hi {{candidate.firstName}},\n\nA quick follow-up on my note: our roles are still open, and I would be glad to tell you more.${link}\n\n` +
            'If now is not the right time, no problem: reply and let me know when suits you better.\n\n{{sender.name}}',
          category: 'MARKETING',
        },
      },
      {
        id: 'reach_out', type: 'people.create_task', typeVersion: 2, label: 'Reach out by hand',
        config: { title: 'Reach out to a prospect who has not answered the campaign', kind: 'TODO', assignee: { role: 'RECRUITER' }, dueIn: { days: 7 } },
      },
      { id: 'end', type: 'action.end', typeVersion: 1, label: 'Done', config: {} },
    ],
    edges: [
      ...(opts.isAnyTime
        ? [{ source: 'enrolled', sourcePort: 'out', target: 'intro' }, { source: 'gap', sourcePort: 'out', target: 'follow_up' }]
        : [
            { source: 'enrolled', sourcePort: 'out', target: 'intro_window' },
            { source: 'intro_window', sourcePort: 'out', target: 'intro' },
            { source: 'gap', sourcePort: 'out', target: 'follow_up_window' },
            { source: 'follow_up_window', sourcePort: 'out', target: 'follow_up' },
          ]),
      { source: 'intro', sourcePort: 'out', target: 'gap' },
      { source: 'follow_up', sourcePort: 'out', target: 'reach_out' },
      { source: 'reach_out', sourcePort: 'completed', target: 'end' },
    ],
    layout: {
      enrolled: { x: 0, y: 0 },
      ...(opts.isAnyTime ? {} : { intro_window: { x: 0, y: 120 }, follow_up_window: { x: 0, y: 480 } }),
      intro: { x: 0, y: 240 },
      gap: { x: 0, y: 360 },
      follow_up: { x: 0, y: 600 },
      reach_out: { x: 0, y: 720 },
      end: { x: 0, y: 840 },
    },
    settings: { exitOn: ['candidate.applied', 'candidate.replied', 'candidate.unsubscribed', 'candidate.hired'] },
  };
}
