// The visual builder for one pipeline: palette, canvas and side panels (node settings, problems,
// simulation, versions, live runs, JSON) around one editable graph with undo/redo. The graph is
// validated live with the server's own validator and saved automatically (use-draft-autosave.ts).
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { ApiError, apiPost } from '../api';
import type { PipelineDetail, PublishedVersion } from '../api-types';
import type { TGraph, TGraphNode } from '../../../workflows/graph/schema';
import { edgeId } from '../../../workflows/graph/schema';
import type { GraphIssue } from '../../../workflows/graph/plan';
import { availableVariablesByNode, validateGraph } from '../../../workflows/graph/validate';
import { CONTEXT_VARIABLES, RUN_SNAPSHOT_VARIABLES } from '../../../workflows/graph/template-variables';
import { describeError } from '../components/error-notice';
import { readClipboard, writeClipboard } from './clipboard';
import { CohortPanel } from './cohort-panel';
import { EditorCanvas, type CanvasFocusRequest, type CanvasSelection } from './editor-canvas';
import type { DiffStatus } from './editor-node-card';
import type { CanvasDecorations } from './editor-flow-elements';
import { applyEdit, copySelection, createEditorState, endCoalescing, newNodeId, pasteClipboard, redo, undo, type Edit, type EditorState } from './editor-state';
import { diffGraphs, mergeForDiffView, nodeDiffStatus } from './graph-diff';
import { GraphJsonPanel } from './graph-json-panel';
import { NodeConfigPanel } from './node-config-panel';
import { NodePalette } from './node-palette';
import { ProblemsPanel } from './problems-panel';
import { SaveStatusIndicator, DraftConflictBanner } from './save-status';
import { SimulationPanel } from './simulation-panel';
import { SHORTCUT_HELP, useBuilderShortcuts } from './use-builder-shortcuts';
import { useDraftAutosave } from './use-draft-autosave';
import { useRunOverlay } from './use-run-overlay';
import { VersionHistoryPanel } from './version-history-panel';
import './builder.css';

type SidePanel = 'node' | 'problems' | 'simulate' | 'versions' | 'json';
type EditorAction = { kind: 'edit'; edit: Edit } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'load'; graph: TGraph } | { kind: 'end_coalescing' };
type DiffView = { before: TGraph; after: TGraph; beforeLabel: string; afterLabel: string };
type PublishOutcome = { kind: 'published'; version: PublishedVersion } | { kind: 'failed'; error: unknown };

const EMPTY_GRAPH: TGraph = { nodes: [], edges: [] };
const BASE_VARIABLES = [...CONTEXT_VARIABLES, ...RUN_SNAPSHOT_VARIABLES];
const NO_SELECTION: CanvasSelection = { nodeIds: [], edgeIds: [] };

function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.kind) {
    case 'edit': return applyEdit(state, action.edit);
    case 'undo': return undo(state);
    case 'redo': return redo(state);
    case 'load': return createEditorState(action.graph);
    case 'end_coalescing': return endCoalescing(state);
  }
}

function groupIssues(issues: readonly GraphIssue[]) {
  const byNode = new Map<string, string[]>();
  const edgeIds = new Set<string>();
  for (const issue of issues) {
    if (issue.nodeId) byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue.message]);
    if (issue.edgeId) edgeIds.add(issue.edgeId);
  }
  return { byNode, edgeIds };
}

export function BuilderWorkspace({ pipeline, onPipelineChanged }: { pipeline: PipelineDetail; onPipelineChanged(): Promise<void> }) {
  const [editor, dispatch] = useReducer(editorReducer, EMPTY_GRAPH, createEditorState);
  const [isLoaded, setIsLoaded] = useState(false);
  const [loadCount, setLoadCount] = useState(0);
  const autosave = useDraftAutosave(isLoaded ? editor.graph : null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [selection, setSelection] = useState<CanvasSelection>(NO_SELECTION);
  const [focusRequest, setFocusRequest] = useState<CanvasFocusRequest | null>(null);
  const [panel, setPanel] = useState<SidePanel>('node');
  const [notice, setNotice] = useState<string | null>(null);
  const [publishOutcome, setPublishOutcome] = useState<PublishOutcome | null>(null);
  const [isPublishing, setIsPublishing] = useState(false);
  const [simulatedPath, setSimulatedPath] = useState<{ nodeIds: string[]; edgeIds: string[] } | null>(null);
  const [diffView, setDiffView] = useState<DiffView | null>(null);
  const [cohortNodeId, setCohortNodeId] = useState<string | null>(null);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [fitRequest, setFitRequest] = useState(0);
  const requestFit = useCallback(() => setFitRequest((count) => count + 1), []);
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const overlay = useRunOverlay(pipeline.id);
  const graph = editor.graph;

  // Load once per pipeline: the server draft, or this browser's unsaved copy of it.
  useEffect(() => {
    const { graph: initial, restoredFrom } = autosave.start(pipeline);
    dispatch({ kind: 'load', graph: initial });
    setRestoredAt(restoredFrom);
    setIsLoaded(true);
    // Fit what is there; an empty canvas stays at 100% so the first nodes dropped are not blown up.
    if (initial.nodes.length > 0) requestFit();
    else setViewport({ x: 40, y: 40, zoom: 1 });
    // Later refreshes of `pipeline` (new versions) must not replace what is being edited; a
    // rollback, which replaces the draft on the server, asks for a reload (loadCount).
  }, [pipeline.id, loadCount]);

  const stageKeys = useMemo(() => {
    const jobs = pipeline.jobs ?? [];
    if (jobs.length === 0) return undefined;
    return jobs.map((job) => job.stages.map((stage) => stage.key)).reduce((common, keys) => common.filter((key) => keys.includes(key)));
  }, [pipeline.jobs]);
  // Large graphs validate a beat behind typing rather than blocking it.
  const deferredGraph = useDeferredValue(graph);
  const issues = useMemo(() => validateGraph(deferredGraph, { stageKeys }).issues, [deferredGraph, stageKeys]);
  const groupedIssues = useMemo(() => groupIssues(issues), [issues]);

  const edit = useCallback((next: Edit) => dispatch({ kind: 'edit', edit: next }), []);
  const select = useCallback((next: CanvasSelection) => {
    setSelection(next);
    dispatch({ kind: 'end_coalescing' });
    if (next.nodeIds.length === 1) setPanel((current) => (current === 'problems' || current === 'json' ? current : 'node'));
  }, []);
  const focusNode = useCallback((nodeId: string | null, edgeIdToFocus: string | null = null) => {
    setSelection({ nodeIds: nodeId ? [nodeId] : [], edgeIds: edgeIdToFocus ? [edgeIdToFocus] : [] });
    setFocusRequest({ nodeId, edgeId: edgeIdToFocus, nonce: Date.now() });
  }, []);

  const addNode = useCallback(
    (type: string, typeVersion: number, position?: { x: number; y: number }) => {
      const id = newNodeId(graph, type);
      const canvas = document.querySelector('[data-testid="pipeline-canvas"]')?.getBoundingClientRect();
      const at = position ?? screenToFlowPosition({ x: (canvas?.left ?? 0) + (canvas?.width ?? 800) / 2, y: (canvas?.top ?? 0) + (canvas?.height ?? 600) / 2 });
      edit({ kind: 'add_node', type, typeVersion, position: { x: Math.round(at.x), y: Math.round(at.y) }, id });
      setSelection({ nodeIds: [id], edgeIds: [] });
      setPanel('node');
    },
    [graph, edit, screenToFlowPosition],
  );

  const copy = useCallback(() => {
    if (selection.nodeIds.length > 0) writeClipboard(copySelection(graph, selection.nodeIds));
  }, [graph, selection]);
  const paste = useCallback(() => {
    const clipboard = readClipboard();
    if (!clipboard || clipboard.nodes.length === 0) return;
    const { pastedIds } = pasteClipboard(graph, clipboard);
    edit({ kind: 'paste', clipboard });
    setSelection({ nodeIds: pastedIds, edgeIds: [] });
  }, [graph, edit]);

  const isReadOnly = diffView !== null;
  useBuilderShortcuts(
    {
      undo: () => dispatch({ kind: 'undo' }),
      redo: () => dispatch({ kind: 'redo' }),
      copy,
      cut: () => {
        copy();
        edit({ kind: 'delete', nodeIds: selection.nodeIds, edgeIds: selection.edgeIds });
      },
      paste,
      duplicate: () => {
        if (selection.nodeIds.length === 0) return;
        const clipboard = copySelection(graph, selection.nodeIds);
        const { pastedIds } = pasteClipboard(graph, clipboard);
        edit({ kind: 'paste', clipboard });
        setSelection({ nodeIds: pastedIds, edgeIds: [] });
      },
      selectAll: () => setSelection({ nodeIds: graph.nodes.map((node) => node.id), edgeIds: graph.edges.map(edgeId) }),
      autoLayout: () => {
        edit({ kind: 'auto_layout' });
        requestFit();
      },
      fitView: requestFit,
      saveNow: () => void autosave.flush(),
      toggleHelp: () => setIsHelpOpen((open) => !open),
    },
    isLoaded && !isReadOnly,
  );

  const publish = useCallback(async () => {
    setIsPublishing(true);
    setPublishOutcome(null);
    try {
      if (!(await autosave.flush())) throw new Error('the draft could not be saved; resolve the save problem first');
      const version = await apiPost<PublishedVersion>(`/api/pipelines/${encodeURIComponent(pipeline.id)}/publish`, {});
      setPublishOutcome({ kind: 'published', version });
      await onPipelineChanged();
      overlay.reload();
    } catch (error) {
      setPublishOutcome({ kind: 'failed', error });
      if (error instanceof ApiError && error.details.length > 0) setPanel('problems');
    } finally {
      setIsPublishing(false);
    }
  }, [autosave, pipeline.id, onPipelineChanged, overlay]);

  const overlayByNode = overlay.byNode;
  const diff = useMemo(() => (diffView ? diffGraphs(diffView.before, diffView.after) : null), [diffView]);
  const canvasGraph = useMemo(() => (diffView ? mergeForDiffView(diffView.before, diffView.after) : graph), [diffView, graph]);
  const decorations = useMemo<CanvasDecorations>(() => {
    const diffDecorations = diff && {
      nodes: new Map<string, DiffStatus>(canvasGraph.nodes.map((node) => [node.id, nodeDiffStatus(diff, node.id)])),
      edges: new Map<string, DiffStatus>([
        ...diff.edges.added.map((id) => [id, 'added'] as const),
        ...diff.edges.removed.map((id) => [id, 'removed'] as const),
      ]),
    };
    return {
      issuesByNode: diffView ? new Map() : groupedIssues.byNode,
      issueEdgeIds: diffView ? new Set() : groupedIssues.edgeIds,
      overlay: diffView ? new Map() : overlayByNode,
      path: simulatedPath && !diffView ? { nodeIds: new Set(simulatedPath.nodeIds), edgeIds: new Set(simulatedPath.edgeIds) } : null,
      diff: diffDecorations,
      isReadOnly,
      onOverlayClick: (nodeId) => setCohortNodeId(nodeId),
    };
  }, [groupedIssues, overlayByNode, simulatedPath, diff, diffView, canvasGraph, isReadOnly]);

  const selectedNode = selection.nodeIds.length === 1 ? graph.nodes.find((node) => node.id === selection.nodeIds[0]) : undefined;
  const selectedNodeVariables = useMemo(() => {
    if (!selectedNode) return [];
    return [...(availableVariablesByNode(graph).get(selectedNode.id) ?? BASE_VARIABLES)].sort();
  }, [graph, selectedNode?.id]);
  const cohortNode = cohortNodeId ? graph.nodes.find((node) => node.id === cohortNodeId) : undefined;
  const cohortOverlay = cohortNodeId ? overlay.overlay?.nodes.find((entry) => entry.nodeId === cohortNodeId) : undefined;

  return (
    <div className="builder-workspace" data-testid="builder-workspace">
      <div className="builder-toolbar" data-testid="builder-toolbar">
        <SaveStatusIndicator status={autosave.status} />
        <div className="builder-toolbar-group">
          <button type="button" className="button button-small" onClick={() => dispatch({ kind: 'undo' })} disabled={editor.past.length === 0 || isReadOnly} data-testid="undo-button" title="Undo (Ctrl+Z)">Undo</button>
          <button type="button" className="button button-small" onClick={() => dispatch({ kind: 'redo' })} disabled={editor.future.length === 0 || isReadOnly} data-testid="redo-button" title="Redo (Ctrl+Shift+Z)">Redo</button>
          <button type="button" className="button button-small" onClick={() => { edit({ kind: 'auto_layout' }); requestFit(); }} disabled={isReadOnly} data-testid="auto-layout-button" title="Automatic layout (Shift+L)">Tidy up</button>
          <button type="button" className="button button-small" onClick={requestFit} data-testid="fit-view-button" title="Zoom to fit (Shift+1)">Fit</button>
          <button type="button" className="button button-small button-ghost" onClick={() => setIsHelpOpen((open) => !open)} title="Keyboard shortcuts (?)">Shortcuts</button>
        </div>
        <span className="builder-toolbar-issues" data-testid="issue-count" data-count={issues.length}>
          {issues.length === 0 ? 'No problems' : `${issues.length} problem${issues.length === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void publish()}
          disabled={isPublishing || isReadOnly || autosave.status.state === 'conflict'}
          data-testid="publish-button"
          title={issues.length > 0 ? 'Fix the problems first: publishing refuses a graph with problems' : 'Validate, compile and publish as a new version'}
        >
          {isPublishing ? 'Publishing…' : 'Publish'}
        </button>
      </div>

      <DraftConflictBanner
        status={autosave.status}
        onKeepMine={() => void autosave.keepMine()}
        onTakeTheirs={() => {
          const theirs = autosave.takeTheirs();
          if (theirs) dispatch({ kind: 'load', graph: theirs });
        }}
      />
      {restoredAt && autosave.status.state !== 'conflict' && (
        <div className="notice notice-info" role="status" data-testid="draft-restored">
          Restored your unsaved changes from {new Date(restoredAt).toLocaleString()}.
          <button type="button" className="button button-small button-ghost" onClick={() => setRestoredAt(null)}>Dismiss</button>
        </div>
      )}
      {publishOutcome?.kind === 'published' && (
        <div className="notice notice-success" role="status" data-testid="publish-success">
          Published version {publishOutcome.version.version}. New runs start on it; running ones stay on their version.
          <button type="button" className="button button-small button-ghost" onClick={() => setPublishOutcome(null)}>Dismiss</button>
        </div>
      )}
      {publishOutcome?.kind === 'failed' && (
        <div className="notice notice-error" role="alert" data-testid="publish-error">
          <strong>Publish failed:</strong> {describeError(publishOutcome.error)}
          <button type="button" className="button button-small button-ghost" onClick={() => setPublishOutcome(null)}>Dismiss</button>
        </div>
      )}
      {diffView && diff && (
        <div className="notice notice-info" role="status" data-testid="diff-banner">
          Comparing {diffView.beforeLabel} → {diffView.afterLabel}: {diff.nodes.added.length} added, {diff.nodes.removed.length} removed, {diff.nodes.changed.length} changed. The canvas is read-only while comparing.
          <button type="button" className="button button-small" onClick={() => setDiffView(null)} data-testid="close-diff-button">Back to the draft</button>
        </div>
      )}

      <div className="builder-body">
        <NodePalette onAdd={(type, typeVersion) => addNode(type, typeVersion)} isDisabled={isReadOnly} />
        <div className="pipeline-canvas" data-testid="pipeline-canvas">
          <EditorCanvas
            graph={canvasGraph}
            decorations={decorations}
            selection={selection}
            focusRequest={focusRequest}
            fitRequest={fitRequest}
            onEdit={edit}
            onAddNode={addNode}
            onSelectionChange={select}
            onConnectRefused={(reason) => setNotice(`Connection refused: ${reason}`)}
          />
          {notice && (
            // Over the canvas, not above it: a notice that pushed the canvas down would move every node
            // under a pointer that is in the middle of a drag.
            <div className="notice notice-error builder-toast" role="alert" data-testid="builder-notice">
              {notice}
              <button type="button" className="button button-small button-ghost" onClick={() => setNotice(null)}>Dismiss</button>
            </div>
          )}
          {canvasGraph.nodes.length === 0 && (
            <div className="canvas-empty" data-testid="canvas-empty">Drag a trigger from the palette to start, or pick a node to add it here.</div>
          )}
          {isHelpOpen && (
            <div className="shortcut-help" data-testid="shortcut-help">
              <strong>Keyboard shortcuts</strong>
              <dl>{SHORTCUT_HELP.map(([keys, action]) => <div key={keys}><dt>{keys}</dt><dd>{action}</dd></div>)}</dl>
            </div>
          )}
        </div>
        <div className="builder-side" data-testid="builder-side">
          <nav className="builder-tabs" role="tablist">
            {([
              ['node', 'Node'],
              ['problems', `Problems (${issues.length})`],
              ['simulate', 'Simulate'],
              ['versions', 'Versions'],
              ['json', 'JSON'],
            ] as const).map(([key, title]) => (
              <button key={key} type="button" role="tab" aria-selected={panel === key} className={panel === key ? 'is-active' : ''} onClick={() => setPanel(key)} data-testid={`builder-tab-${key}`}>
                {title}
              </button>
            ))}
          </nav>
          <div className="builder-side-body">
            {panel === 'node' && (selectedNode ? (
              <NodeConfigPanel
                key={selectedNode.id}
                node={selectedNode}
                issues={issues.filter((issue) => issue.nodeId === selectedNode.id)}
                availableVariables={selectedNodeVariables}
                sampleJob={pipeline.jobs?.[0] ? { title: pipeline.jobs[0].title } : undefined}
                onChange={(next: TGraphNode) => edit({ kind: 'update_node', nodeId: selectedNode.id, node: next })}
                onDelete={() => {
                  edit({ kind: 'delete', nodeIds: [selectedNode.id], edgeIds: [] });
                  setSelection(NO_SELECTION);
                }}
              />
            ) : (
              <p className="muted" data-testid="no-node-selected">
                {selection.nodeIds.length > 1 ? `${selection.nodeIds.length} nodes selected. Copy, duplicate or delete them together.` : 'Select a node to configure it.'}
              </p>
            ))}
            {panel === 'problems' && (
              <ProblemsPanel issues={issues} serverError={publishOutcome?.kind === 'failed' ? publishOutcome.error : null} onSelect={(issue) => focusNode(issue.nodeId ?? null, issue.edgeId ?? null)} />
            )}
            {panel === 'simulate' && (
              <SimulationPanel pipelineId={pipeline.id} graph={graph} onPathChange={setSimulatedPath} onFocusNode={(nodeId) => focusNode(nodeId)} />
            )}
            {panel === 'versions' && (
              <VersionHistoryPanel
                pipelineId={pipeline.id}
                versions={pipeline.versions}
                draftRevision={autosave.revision ?? pipeline.draftRevision}
                onShowDiff={(view) => {
                  setDiffView(view);
                  requestFit();
                }}
                onRolledBack={async () => {
                  setDiffView(null);
                  await onPipelineChanged();
                  // The rollback replaced the draft on the server: load it, as if freshly opened.
                  setLoadCount((count) => count + 1);
                }}
              />
            )}
            {panel === 'json' && <GraphJsonPanel graph={graph} isReadOnly={isReadOnly} onApply={(next) => edit({ kind: 'replace', graph: next })} />}
          </div>
        </div>
      </div>

      {cohortNodeId && cohortOverlay && (
        <CohortPanel
          pipelineId={pipeline.id}
          nodeId={cohortNodeId}
          nodeLabel={cohortNode?.label ?? cohortNodeId}
          versions={pipeline.versions}
          overlayNode={cohortOverlay}
          onClose={() => setCohortNodeId(null)}
          onChanged={() => overlay.reload()}
        />
      )}
    </div>
  );
}
