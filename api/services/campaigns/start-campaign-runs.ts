// Starts enrolled runs in Temporal, fast enough for 100,000 at once. The Run rows themselves are the durable
// request (PENDING, with a deterministic workflow id): no outbox row per run, no plan copied per row. A fixed
// number of starts stay in flight while the next batch is read; runs that started are marked RUNNING in
// batches of plain SQL. A start that fails leaves its run PENDING for the next pass (the enrollment sweep),
// and REJECT_DUPLICATE makes a start delivered twice start one workflow.
//
// An exit that arrives while a run is PENDING marks it EXITED (signalCandidateRuns, stopping an enrollment).
// If its workflow was started meanwhile, the run is no longer PENDING when the batch is marked RUNNING: the
// recorded exit is then sent to the workflow, which ends at its first wait.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Plan } from '../../../workflows/graph/plan';
import { runSnapshot, type SnapshotSource } from '../../../workflows/graph/template-variables';
import { OPERATOR_EXIT_EVENT, PIPELINE_RUN_WORKFLOW } from '../../../workflows/constants';
import type { PipelineRunInput } from '../../../workflows/pipeline-run';
import { insertRunSignal, withRunSignals } from '../run-signals';
import type { Services } from '../services';

/** Starts in flight, as a bare client loop would keep them. */
export const START_CONCURRENCY = 50;
/** Runs marked RUNNING per statement. */
const MARK_BATCH = 500;
/** This many failures in a row (Temporal down) end the pass; the runs stay PENDING for the next one. */
const MAX_CONSECUTIVE_FAILURES = 20;

export interface RunToStart {
  id: string;
  workflowId: string;
  candidateId: string;
  /** What the run's snapshot reads (runSnapshot): no contact details. */
  candidate: SnapshotSource['candidate'];
}

export interface StartTarget {
  orgId: string;
  campaignId: string;
  pipelineVersionId: string;
  plan: Plan;
}

export interface StartOutcome {
  started: number;
  failed: number;
  /** Started, then found exited meanwhile: the exit was sent to the workflow. */
  exitedMeanwhile: number;
  /** The first errors, without personal data. */
  errors: string[];
}

/** Columns of `"Candidate" c` a RunToStart needs, selected as `candidate` by `toRunToStart`. */
export const RUN_TO_START_COLUMNS = `c.tags, c.source, c.location, c."timeZone", c."interestLevel", c.kind`;

export function toRunToStart(row: { id: string; workflowId: string; candidateId: string } & SnapshotSource['candidate']): RunToStart {
  const { id, workflowId, candidateId, tags, source, location, timeZone, interestLevel, kind } = row;
  return { id, workflowId, candidateId, candidate: { tags, source, location, timeZone, interestLevel, kind } };
}

function inputOf(target: StartTarget, run: RunToStart): PipelineRunInput {
  return {
    plan: target.plan,
    pipelineVersionId: target.pipelineVersionId,
    run: { runId: run.id, workflowId: run.workflowId, orgId: target.orgId, candidateId: run.candidateId, campaignId: target.campaignId },
    vars: runSnapshot({ candidate: run.candidate }),
  };
}

/** Marks started runs RUNNING; hands a recorded exit to the workflows of runs that exited while starting. */
async function markStarted(services: Services, orgId: string, runIds: string[]): Promise<number> {
  if (!runIds.length) return 0;
  const { rows: marked } = await services.pool.query<{ id: string }>(
    `UPDATE "Run" SET status = 'RUNNING' WHERE id = ANY($1::text[]) AND status = 'PENDING' RETURNING id`,
    [runIds],
  );
  if (marked.length === runIds.length) return 0;
  const markedIds = new Set(marked.map((r) => r.id));
  const others = runIds.filter((id) => !markedIds.has(id));
  return withRunSignals(services, async (client, signals) => {
    const { rows: exited } = await client.query<{ id: string; workflowId: string; exitReason: string | null }>(
      `SELECT id, "workflowId", "exitReason" FROM "Run" WHERE id = ANY($1::text[]) AND status = 'EXITED'`,
      [others],
    );
    for (const run of exited) {
      const event = { name: run.exitReason ?? OPERATOR_EXIT_EVENT, payload: { whileStarting: true } };
      const dedupeKey = `exit-after-start:${run.id}`;
      const { rowCount } = await client.query(`SELECT 1 FROM "OutboxEvent" WHERE "dedupeKey" = $1`, [dedupeKey]);
      if (!rowCount) signals.push(await insertRunSignal(client, orgId, run.workflowId, event, dedupeKey));
    }
    return exited.length;
  });
}

/**
 * Starts the runs the batches yield, START_CONCURRENCY at a time, reading the next batch while the current
 * one starts. `onProgress` hears each run started or failed.
 */
export async function startCampaignRuns(
  services: Services, target: StartTarget, batches: AsyncIterable<RunToStart[]>,
  opts: { concurrency?: number; onProgress?: (outcome: StartOutcome) => void } = {},
): Promise<StartOutcome> {
  const outcome: StartOutcome = { started: 0, failed: 0, exitedMeanwhile: 0, errors: [] };
  const concurrency = opts.concurrency ?? START_CONCURRENCY;
  const iterator = batches[Symbol.asyncIterator]();
  let queue: RunToStart[] = [];
  let head = 0;
  let isExhausted = false;
  let refill: Promise<void> | null = null;
  let readError: unknown = null;
  const readMore = () =>
    (refill ??= iterator.next().then(
      (r) => {
        if (r.done) isExhausted = true;
        else {
          queue = queue.slice(head).concat(r.value);
          head = 0;
        }
        refill = null;
      },
      (err) => {
        readError = err;
        isExhausted = true;
        refill = null;
      },
    ));
  async function next(): Promise<RunToStart | undefined> {
    for (;;) {
      if (readError) throw readError;
      if (head < queue.length) {
        if (queue.length - head <= concurrency * 4 && !isExhausted) void readMore();
        return queue[head++];
      }
      if (isExhausted) return undefined;
      await readMore();
    }
  }

  let toMark: string[] = [];
  let marking: Promise<void> = Promise.resolve();
  const flush = (all = false) => {
    while (toMark.length >= MARK_BATCH || (all && toMark.length)) {
      const ids = toMark.splice(0, MARK_BATCH);
      marking = marking.then(async () => void (outcome.exitedMeanwhile += await markStarted(services, target.orgId, ids)));
    }
  };

  let client: Client;
  try {
    client = await services.temporal();
  } catch (err) {
    outcome.errors.push(`Temporal unreachable: ${(err as Error).message}`);
    return outcome;
  }
  let consecutiveFailures = 0;
  const taskQueue = services.config.TEMPORAL_TASK_QUEUE;
  const lane = async () => {
    for (let run = await next(); run && consecutiveFailures < MAX_CONSECUTIVE_FAILURES; run = await next()) {
      try {
        await client.workflow.start(PIPELINE_RUN_WORKFLOW, {
          workflowId: run.workflowId, taskQueue, args: [inputOf(target, run)], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
          outcome.failed++;
          consecutiveFailures++;
          if (outcome.errors.length < 5) outcome.errors.push((err as Error).message);
          opts.onProgress?.(outcome);
          continue;
        }
      }
      consecutiveFailures = 0;
      outcome.started++;
      toMark.push(run.id);
      flush();
      opts.onProgress?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  flush(true);
  await marking;
  if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) outcome.errors.push(`stopped after ${MAX_CONSECUTIVE_FAILURES} failed starts in a row; the rest wait PENDING for the next pass`);
  return outcome;
}
