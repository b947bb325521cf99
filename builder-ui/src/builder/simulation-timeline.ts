// How the simulation panel reads a dry run's answer: its timeline grouped by
// day since the start, one line per entry, and the outcome in words. Pure.
import type { TGraph } from '../../../workflows/graph/schema';
import type { SimulationResult, TimelineEntry } from '../../../workflows/graph/simulate';

const DAY = 86_400_000;

export interface TimelineDay {
  /** Whole days since the run started: 0 is the first day. */
  day: number;
  /** Start of that day of the run (ms since the epoch). */
  startsAt: number;
  entries: { entry: TimelineEntry; index: number }[];
}

export function groupTimelineByDay(timeline: readonly TimelineEntry[], startAt: number): TimelineDay[] {
  const days: TimelineDay[] = [];
  timeline.forEach((entry, index) => {
    const day = Math.max(0, Math.floor((Date.parse(entry.at) - startAt) / DAY));
    let group = days[days.length - 1];
    if (!group || group.day !== day) days.push((group = { day, startsAt: startAt + day * DAY, entries: [] }));
    group.entries.push({ entry, index });
  });
  return days;
}

export function nodeName(graph: TGraph, nodeId: string): string {
  const node = graph.nodes.find((n) => n.id === nodeId);
  return node?.label || nodeId;
}

export interface EntryText {
  title: string;
  detail: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line (and a detail) per timeline entry; dates go through `formatDate`. */
export function describeEntry(entry: TimelineEntry, formatDate: (iso: string) => string = (iso) => iso): EntryText {
  switch (entry.kind) {
    case 'email': return { title: `Email: ${entry.subject}`, detail: `to ${entry.to ?? 'the candidate (no email address)'}` };
    case 'sms': return { title: 'Text message', detail: `to ${entry.to ?? 'the candidate (no phone number)'}` };
    case 'task': return { title: `Task: ${entry.title}`, detail: `${entry.taskKind.toLowerCase()}${entry.dueAt ? `, due ${formatDate(entry.dueAt)}` : ', no due date'}` };
    case 'task_cancelled': return { title: 'Task cancelled', detail: entry.reason };
    case 'stage': return { title: `Stage → ${entry.stage}`, detail: null };
    case 'note': return { title: 'Internal note', detail: entry.body };
    case 'interview_request': return { title: 'Interview request', detail: `${entry.mode.replace(/_/g, ' ')}, ${entry.durationMinutes} min, ${plural(entry.interviewers, 'interviewer')}` };
    case 'action': {
      const detail = Object.entries(entry.detail).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
      return { title: `Action: ${entry.activity}`, detail: detail || null };
    }
    case 'wait': return { title: entry.for.length ? `Waits for ${entry.for.join(' or ')}` : 'Waits', detail: entry.until ? `until ${formatDate(entry.until)}` : 'no time limit' };
    case 'event': return { title: `Event: ${entry.name}`, detail: null };
    case 'timeout': return { title: 'Timed out', detail: 'nothing scripted arrived in time' };
    case 'end': return { title: 'End of the run', detail: null };
  }
}

export interface OutcomeText {
  kind: SimulationResult['outcome'];
  text: string;
}

export function describeOutcome(result: Pick<SimulationResult, 'outcome' | 'parkedAt' | 'timeline'>, graph: TGraph): OutcomeText {
  if (result.outcome === 'completed') return { kind: 'completed', text: 'Completed' };
  const where = result.parkedAt ? `${nodeName(graph, result.parkedAt)} (${result.parkedAt})` : 'an unknown node';
  if (result.outcome === 'exited') {
    const exit = [...result.timeline].reverse().find((e) => e.kind === 'event');
    return { kind: 'exited', text: `Exited at ${where}${exit?.kind === 'event' ? ` on ${exit.name}` : ''} (the pipeline's exit conditions)` };
  }
  if (result.outcome === 'step_limit') return { kind: 'step_limit', text: `Stopped at the step limit, at ${where}: a loop without an exit?` };
  const wait = [...result.timeline].reverse().find((e): e is Extract<TimelineEntry, { kind: 'wait' }> => e.kind === 'wait' && e.nodeId === result.parkedAt);
  const waitingFor = wait?.for.length ? ` for ${wait.for.join(' or ')}` : '';
  return { kind: 'waiting', text: `Waiting at ${where}${waitingFor}, with no time limit and nothing more scripted` };
}
