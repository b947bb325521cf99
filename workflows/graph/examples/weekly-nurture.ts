// A nurture loop: every week (or `every`), a personal email, for `weeks` laps.
// Each lap is one continue-as-new run, so a year of it keeps small histories.
import type { TDuration, TGraph } from '../schema';

export function weeklyNurtureGraph(opts: { weeks?: number; every?: TDuration } = {}): TGraph {
  return {
    nodes: [
      { id: 'enrolled', type: 'trigger.manual', typeVersion: 1, label: 'Enrolled', config: {} },
      { id: 'week', type: 'time.wait', typeVersion: 1, label: 'Wait a week', config: { duration: opts.every ?? { days: 7 } } },
      { id: 'digest', type: 'message.send_email', typeVersion: 1, label: 'Weekly note', config: { subject: 'News from {{org.name}}', body: 'Hi {{candidate.firstName}}, here is what is new this week.', category: 'MARKETING' } },
      { id: 'again', type: 'logic.branch', typeVersion: 1, label: 'Another week?', config: { rules: [{ port: 'done', when: [{ field: 'visits.week', op: 'gte', value: opts.weeks ?? 52 }] }], otherwise: 'again' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'enrolled', sourcePort: 'out', target: 'week' },
      { source: 'week', sourcePort: 'out', target: 'digest' },
      { source: 'digest', sourcePort: 'out', target: 'again' },
      { source: 'again', sourcePort: 'again', target: 'week' },
      { source: 'again', sourcePort: 'done', target: 'end' },
    ],
  };
}
