// The builder's simulation panel: dry-run the graph on the canvas (sent as is,
// so autosave need not have caught up) for a sample or real candidate and a
// script of events; show the timeline and hand the path taken to the canvas.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, apiPost } from '../api';
import type { TGraph } from '../../../workflows/graph/schema';
import type { SimulationResult } from '../../../workflows/graph/simulate';
import { ErrorNotice } from '../components/error-notice';
import { simulationPath, simulationPresets, type SimulationPath } from './simulation-script';
import { blankRow, rowsFromPreset, scriptFromRows, type ScriptRow } from './simulation-script-rows';
import { SimulationCandidatePicker, type SimulationCandidate } from './simulation-candidate-picker';
import { SimulationScriptEditor } from './simulation-script-editor';
import { SimulationTimelineView } from './simulation-timeline-view';
import './simulation-panel.css';

export type SimulationPanelProps = {
  pipelineId: string;
  graph: TGraph;
  onPathChange(path: SimulationPath | null): void;
  onFocusNode(nodeId: string): void;
};

/** What decides the path: moving nodes around does not make a run stale. */
const contentKey = (graph: TGraph) => JSON.stringify([graph.nodes, graph.edges, graph.settings ?? null]);

function nextFullHour(): number {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  return d.getTime() + 3_600_000;
}

/** `<input type="datetime-local">` speaks local time without a zone. */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const SCRIPT_PATH = /^body\.script\.(\d+)(?:\.(.*))?$/;

export function SimulationPanel({ pipelineId, graph, onPathChange, onFocusNode }: SimulationPanelProps) {
  const [candidate, setCandidate] = useState<SimulationCandidate>({ kind: 'sample', firstName: 'Sam', lastName: 'Sample' });
  const [rows, setRows] = useState<ScriptRow[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [startText, setStartText] = useState(() => toLocalInput(nextFullHour()));
  const [run, setRun] = useState<{ result: SimulationResult; startAt: number; graphKey: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isRunning, setIsRunning] = useState(false);
  const rowSeq = useRef(0);
  const latestRequest = useRef(0);

  const parsedStart = Date.parse(startText);
  const startAt = Number.isNaN(parsedStart) ? null : parsedStart;
  const presets = useMemo(() => simulationPresets(graph, { startAt: startAt ?? Date.now() }), [graph, startAt]);
  const graphKey = useMemo(() => contentKey(graph), [graph]);
  const makeKey = () => `event-${++rowSeq.current}`;

  // The parent re-renders on every highlight; telling it the same path again would loop.
  const onPathChangeRef = useRef(onPathChange);
  onPathChangeRef.current = onPathChange;
  const lastPath = useRef<string | null>(null);
  const publishPath = useCallback((path: SimulationPath | null) => {
    const key = path && JSON.stringify(path);
    if (key === lastPath.current) return;
    lastPath.current = key;
    onPathChangeRef.current(path);
  }, []);
  useEffect(() => {
    if (run) publishPath(simulationPath(run.result, graph));
  }, [run, graph, publishPath]);
  useEffect(() => () => onPathChangeRef.current(null), []);

  const canRun = !isRunning && startAt !== null && (candidate.kind === 'sample' || candidate.candidate !== null);

  async function runSimulation() {
    const parsed = scriptFromRows(rows);
    setRowErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok || startAt === null) return;
    const who = candidate.kind === 'real' ? { candidateId: candidate.candidate?.id } : { candidate: { firstName: candidate.firstName, lastName: candidate.lastName } };
    const request = ++latestRequest.current;
    const sentKey = graphKey;
    setIsRunning(true);
    setError(null);
    try {
      const result = await apiPost<SimulationResult>(`/api/pipelines/${encodeURIComponent(pipelineId)}/simulate`, {
        graph, script: parsed.script, startAt: new Date(startAt).toISOString(), ...who,
      });
      if (request !== latestRequest.current) return;
      setRun({ result, startAt, graphKey: sentKey });
    } catch (caught) {
      if (request !== latestRequest.current) return;
      setError(caught);
      setRun(null);
      publishPath(null);
      // The server names the bad event by its index: show it on that row.
      if (caught instanceof ApiError) {
        const onRows: Record<string, string> = {};
        for (const d of caught.details) {
          const m = SCRIPT_PATH.exec(d.path);
          const row = m ? rows[Number(m[1])] : undefined;
          if (row) onRows[row.key] = `${m![2] ? `${m![2]}: ` : ''}${d.message}`;
        }
        setRowErrors(onRows);
      }
    } finally {
      if (request === latestRequest.current) setIsRunning(false);
    }
  }

  function clear() {
    latestRequest.current++;
    setIsRunning(false);
    setRun(null);
    setError(null);
    publishPath(null);
  }

  const graphIssues = error instanceof ApiError && error.code === 'INVALID_GRAPH' ? error.details : null;

  return (
    <div className="sim-panel" data-testid="simulation-panel">
      <p className="muted sim-hint">A dry run of the graph as it is on the canvas: nothing is sent or stored.</p>
      <SimulationCandidatePicker value={candidate} onChange={setCandidate} />
      <label className="field sim-start">
        <span>Run starts at</span>
        <input type="datetime-local" value={startText} onChange={(e) => setStartText(e.target.value)} data-testid="simulation-start" />
      </label>
      <SimulationScriptEditor
        rows={rows} errors={rowErrors} presets={presets} onChange={setRows}
        onAddPreset={(preset) => setRows((prev) => [...prev, ...rowsFromPreset(preset, makeKey)])}
        onAddBlank={() => setRows((prev) => [...prev, blankRow(makeKey(), prev[prev.length - 1]?.atMs ?? 0)])}
      />
      <div className="sim-actions">
        <button type="button" className="button button-primary" onClick={() => void runSimulation()} disabled={!canRun} data-testid="simulation-run-button">
          {isRunning ? 'Simulating…' : 'Run simulation'}
        </button>
        {(run || error !== null) && <button type="button" className="button button-small button-ghost" onClick={clear} data-testid="simulation-clear">Clear</button>}
      </div>
      {graphIssues ? (
        <div className="notice notice-error sim-error" role="alert" data-testid="simulation-error" data-code="INVALID_GRAPH">
          <strong>The graph has {graphIssues.length} problem{graphIssues.length === 1 ? '' : 's'} to fix before it can be simulated.</strong>
          <ul className="issue-list">
            {graphIssues.map((issue, index) => (
              <li key={`${issue.path}-${index}`} data-testid="simulation-error-issue" data-node-id={issue.nodeId}>
                <button type="button" className="issue-button" disabled={!issue.nodeId} onClick={() => issue.nodeId && onFocusNode(issue.nodeId)}>
                  <span className="issue-message">{issue.message}</span>
                  <span className="issue-location">{issue.nodeId && <strong>{issue.nodeId}</strong>}<code>{issue.path}</code></span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        error !== null && <div data-testid="simulation-error"><ErrorNotice error={error} title="Simulation failed" /></div>
      )}
      {run && <SimulationTimelineView result={run.result} startAt={run.startAt} graph={graph} isStale={run.graphKey !== graphKey} onFocusNode={onFocusNode} />}
    </div>
  );
}
