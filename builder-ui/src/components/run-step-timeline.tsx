// The path a run took through its pipeline: each node it executed, the port it left by and when.
import type { RunStep } from '../api-types';
import { formatDateTime } from '../format';

type RunStepTimelineProps = { steps: RunStep[]; currentNodeId: string | null; isRunActive: boolean };

function StepDetail({ detail }: { detail: unknown }) {
  if (detail === undefined || detail === null || detail === '') return null;
  if (typeof detail === 'string') return <p className="timeline-detail">{detail}</p>;
  return <pre className="code-block timeline-detail">{JSON.stringify(detail, null, 2)}</pre>;
}

export function RunStepTimeline({ steps, currentNodeId, isRunActive }: RunStepTimelineProps) {
  if (steps.length === 0) {
    return <p className="muted">No steps recorded yet.</p>;
  }
  const ordered = [...steps].sort((left, right) => new Date(left.at).getTime() - new Date(right.at).getTime());
  const lastIndex = ordered.length - 1;
  return (
    <ol className="timeline" data-testid="run-steps">
      {ordered.map((step, index) => {
        const isCurrent = isRunActive && index === lastIndex && step.nodeId === currentNodeId;
        return (
          <li
            key={`${step.nodeId}-${step.at}-${index}`}
            className={isCurrent ? 'timeline-item is-current' : 'timeline-item'}
            data-testid="run-step"
            data-node-id={step.nodeId}
            data-node-type={step.nodeType}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-heading">
                <strong>{step.nodeType}</strong>
                <code>{step.nodeId}</code>
                {step.port && (
                  <span className="port-tag" title="Port the run left this node by">
                    → {step.port}
                  </span>
                )}
                {isCurrent && <span className="badge badge-info">in progress</span>}
              </div>
              <time className="timeline-time" dateTime={step.at}>
                {formatDateTime(step.at)}
              </time>
              <StepDetail detail={step.detail} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
