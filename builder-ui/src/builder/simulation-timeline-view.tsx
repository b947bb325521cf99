// A dry run's answer: the outcome, then day by day what the candidate and the
// team would get (messages with their rendered text, tasks, waits, stage moves,
// events, timeouts). Clicking an entry focuses its node on the canvas.
import { useState } from 'react';
import type { TGraph } from '../../../workflows/graph/schema';
import type { SimulationResult, TimelineEntry } from '../../../workflows/graph/simulate';
import { formatDateTime } from '../format';
import { describeEntry, describeOutcome, groupTimelineByDay, nodeName } from './simulation-timeline';

type TimelineViewProps = { result: SimulationResult; startAt: number; graph: TGraph; isStale: boolean; onFocusNode(nodeId: string): void };

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** The text an entry can expand to: a message's rendered body, a note. */
function bodyOf(entry: TimelineEntry): string | null {
  return entry.kind === 'email' || entry.kind === 'sms' || entry.kind === 'note' ? entry.body : null;
}

export function SimulationTimelineView({ result, startAt, graph, isStale, onFocusNode }: TimelineViewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const outcome = describeOutcome(result, graph);
  const toggle = (index: number) => setExpanded((prev) => {
    const next = new Set(prev);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    return next;
  });

  return (
    <div className="sim-result">
      <p className={`sim-outcome sim-outcome-${outcome.kind}`} data-testid="simulation-outcome" data-outcome={outcome.kind} role="status">
        <strong>{outcome.text}</strong>
        {outcome.kind === 'completed' && <span className="muted"> · {result.steps.length} steps</span>}
      </p>
      {isStale && <p className="notice notice-hint sim-stale" data-testid="simulation-stale">The graph changed since this run: run the simulation again to see the new path.</p>}
      <div className="sim-timeline" data-testid="simulation-timeline">
        {groupTimelineByDay(result.timeline, startAt).map((day) => (
          <section key={day.day} className="sim-day" data-testid="simulation-day" data-day={day.day}>
            <h4>Day {day.day} <span className="muted">· {dayFormat.format(new Date(day.startsAt))}</span></h4>
            <ol>
              {day.entries.map(({ entry, index }) => {
                const text = describeEntry(entry, formatDateTime);
                const body = bodyOf(entry);
                const isOpen = expanded.has(index);
                return (
                  <li key={index} className={`sim-entry sim-entry-${entry.kind}`} data-testid="simulation-entry" data-kind={entry.kind} data-node-id={entry.nodeId}>
                    <button type="button" className="sim-entry-main" onClick={() => onFocusNode(entry.nodeId)} title={`Show ${nodeName(graph, entry.nodeId)} on the canvas`}>
                      <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}</time>
                      <span className="sim-entry-text">
                        <span className="sim-entry-title">{text.title}</span>
                        {text.detail && entry.kind !== 'note' && <span className="sim-entry-detail">{text.detail}</span>}
                        <span className="sim-entry-node">{nodeName(graph, entry.nodeId)}</span>
                      </span>
                    </button>
                    {body !== null && (
                      <button type="button" className="button button-small button-ghost sim-entry-toggle" aria-expanded={isOpen} onClick={() => toggle(index)} data-testid="simulation-entry-toggle">
                        {isOpen ? 'Hide' : entry.kind === 'note' ? 'Note' : 'Message'}
                      </button>
                    )}
                    {body !== null && isOpen && <pre className="sim-entry-body" data-testid="simulation-entry-body">{body}</pre>}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
