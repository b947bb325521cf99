// Starter template: a weekly job-alert digest for people who subscribed to job
// alerts (a campaign). They are tagged and get a confirmation at once, then every week a
// digest on Tuesday morning in their own time zone, for 26 weeks; then the
// subscription lapses with a note on how to renew. Unsubscribing or being
// hired ends the run; applying does not, since alerts stay useful meanwhile.
import type { TGraph } from '../schema';

export function jobAlertDigestGraph(opts: { weeks?: number } = {}): TGraph {
  return {
    nodes: [
      { id: 'subscribed', type: 'trigger.campaign_enrolled', typeVersion: 1, label: 'Subscribed to job alerts', config: {} },
      { id: 'tag_subscribed', type: 'action.tag', typeVersion: 1, label: 'Tag job-alert subscriber', config: { add: ['job-alerts'] } },
      {
        id: 'confirm', type: 'message.send_email', typeVersion: 1, label: 'Confirm the subscription',
        config: {
          subject: 'You are subscribed to job alerts from {{org.name}}',
          body:
            'Hi {{candidate.firstName}},\n\nThanks for subscribing! Every Tuesday you will get one email with the newest open roles at ' +
            '{{org.name}}, for the next six months.\n\nChanged your mind? Reply to this email and we will take you off the list.\n\n{{sender.name}}',
          fromName: 'Careers team',
        },
      },
      { id: 'week', type: 'time.wait', typeVersion: 1, label: 'Wait a week', config: { duration: { days: 7 } } },
      {
        id: 'tuesday_morning', type: 'time.send_window', typeVersion: 1, label: 'Tuesday morning',
        config: { timeZone: 'UTC', timeZoneField: 'candidate.timeZone', days: ['tue'], startHour: 8, endHour: 11 },
      },
      {
        id: 'digest', type: 'message.send_email', typeVersion: 1, label: 'Weekly digest',
        config: {
          subject: 'This week\'s open roles at {{org.name}}',
          body:
            'Hi {{candidate.firstName}},\n\nHere is your weekly round-up of open roles at {{org.name}}. New positions open every week ' +
            'across engineering, product, sales and operations: browse them on our careers page and apply in a few minutes.\n\n' +
            'Know someone who would be a great fit? Forward this email.\n\n{{sender.name}}\n\n' +
            'You receive this because you subscribed to job alerts. To stop them, reply and ask us to unsubscribe you.',
          fromName: 'Careers team',
          category: 'MARKETING',
        },
      },
      { id: 'again', type: 'logic.branch', typeVersion: 1, label: 'Subscription over?', config: { rules: [{ port: 'lapse', when: [{ field: 'visits.week', op: 'gte', value: opts.weeks ?? 26 }] }], otherwise: 'again' } },
      {
        id: 'lapsed', type: 'message.send_email', typeVersion: 1, label: 'Subscription ends',
        config: {
          subject: 'Your job alerts from {{org.name}} have ended',
          body:
            'Hi {{candidate.firstName}},\n\nYour six months of job alerts from {{org.name}} have come to an end, so this is the last ' +
            'digest you will get from us. If you would like to keep hearing about new roles, subscribe again on our careers page at any time.\n\n' +
            'Thank you for your interest, and good luck with your search!\n\n{{sender.name}}',
          fromName: 'Careers team',
        },
      },
      { id: 'tag_lapsed', type: 'action.tag', typeVersion: 1, label: 'Tag alerts lapsed', config: { add: ['job-alerts-lapsed'], remove: ['job-alerts'] } },
      { id: 'end', type: 'action.end', typeVersion: 1, label: 'Done', config: {} },
    ],
    edges: [
      { source: 'subscribed', sourcePort: 'out', target: 'tag_subscribed' },
      { source: 'tag_subscribed', sourcePort: 'out', target: 'confirm' },
      { source: 'confirm', sourcePort: 'out', target: 'week' },
      { source: 'week', sourcePort: 'out', target: 'tuesday_morning' },
      { source: 'tuesday_morning', sourcePort: 'out', target: 'digest' },
      { source: 'digest', sourcePort: 'out', target: 'again' },
      { source: 'again', sourcePort: 'again', target: 'week' },
      { source: 'again', sourcePort: 'lapse', target: 'lapsed' },
      { source: 'lapsed', sourcePort: 'out', target: 'tag_lapsed' },
      { source: 'tag_lapsed', sourcePort: 'out', target: 'end' },
    ],
    layout: {
      subscribed: { x: 0, y: 0 },
      tag_subscribed: { x: 0, y: 150 },
      confirm: { x: 0, y: 300 },
      week: { x: 0, y: 450 },
      tuesday_morning: { x: 0, y: 600 },
      digest: { x: 0, y: 750 },
      again: { x: 0, y: 900 },
      lapsed: { x: 300, y: 1050 },
      tag_lapsed: { x: 300, y: 1200 },
      end: { x: 300, y: 1350 },
    },
    settings: { exitOn: ['candidate.unsubscribed', 'candidate.hired'] },
  };
}
