// Delivers outbox rows to Temporal: workflow starts and signals written in the
// same transaction as the business change. Rows are claimed with SKIP LOCKED
// and a lease (availableAt pushed forward), so several API processes can run
// dispatchers. Starts use a deterministic workflow id and REJECT_DUPLICATE:
// a start delivered twice starts one workflow.
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Pool } from 'pg';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../platform/logger';
import { PIPELINE_RUN_WORKFLOW } from '../../workflows/constants';

export interface StartWorkflowPayload {
  workflowId: string;
  /** The Run row of a pipeline run; absent for other workflow types. */
  runId?: string;
  /** Default: the pipeline run. */
  workflowType?: string;
  args: unknown[];
}
export interface SignalWorkflowPayload {
  workflowId: string;
  signal: string;
  args: unknown[];
}

export interface OutboxRow {
  id: string;
  kind: 'START_WORKFLOW' | 'SIGNAL_WORKFLOW';
  payload: unknown;
  attempts: number;
}

const LEASE_SECONDS = 30;
/** How long a row written for direct delivery right after its commit is left to that delivery before the poller may take it. */
export const DIRECT_DELIVERY_LEASE_SECONDS = 10;
const BATCH = 100;

export interface OutboxDispatcher {
  /** Deliver what is due now (coalesces concurrent calls). */
  kick(): void;
  /**
   * Delivers rows just committed with a lease (availableAt in the future), without
   * waiting for the poller: the fast path. A failure leaves them to the poller.
   */
  deliverNow(rows: OutboxRow[]): Promise<void>;
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxDispatcher(deps: { pool: Pool; prisma: PrismaClient; temporal: () => Promise<Client>; taskQueue: string; log: Logger; pollMs: number }): OutboxDispatcher {
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function claim(): Promise<OutboxRow[]> {
    const { rows } = await deps.pool.query<OutboxRow>(
      `UPDATE "OutboxEvent" SET attempts = attempts + 1, "availableAt" = now() + make_interval(secs => $1)
       WHERE id IN (SELECT id FROM "OutboxEvent" WHERE status = 'PENDING' AND "availableAt" <= now()
                    ORDER BY "createdAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, attempts`,
      [LEASE_SECONDS, BATCH],
    );
    return rows;
  }

  /** A signal can overtake its workflow's start (both queued, the start not delivered yet): retried while the run is PENDING. */
  async function isStartPending(row: OutboxRow): Promise<boolean> {
    if (row.kind !== 'SIGNAL_WORKFLOW') return false;
    const { rowCount } = await deps.pool.query(`SELECT 1 FROM "Run" WHERE "workflowId" = $1 AND status = 'PENDING'`, [(row.payload as SignalWorkflowPayload).workflowId]);
    return !!rowCount;
  }

  async function deliver(client: Client, row: OutboxRow): Promise<void> {
    if (row.kind === 'START_WORKFLOW') {
      const p = row.payload as StartWorkflowPayload;
      let temporalRunId: string | undefined;
      try {
        const handle = await client.workflow.start(p.workflowType ?? PIPELINE_RUN_WORKFLOW, {
          workflowId: p.workflowId, taskQueue: deps.taskQueue, args: p.args,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        temporalRunId = handle.firstExecutionRunId;
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      if (p.runId) await deps.prisma.run.updateMany({ where: { id: p.runId, status: 'PENDING' }, data: { status: 'RUNNING' } });
      deps.log.debug({ workflowId: p.workflowId, temporalRunId }, 'workflow started');
    } else {
      const p = row.payload as SignalWorkflowPayload;
      await client.workflow.getHandle(p.workflowId).signal(p.signal, ...p.args);
    }
  }

  async function deliverNow(rows: OutboxRow[]): Promise<void> {
    if (stopped || !rows.length) return;
    try {
      const client = await deps.temporal();
      await Promise.all(rows.map((row) => deliver(client, row)));
      await deps.pool.query(`UPDATE "OutboxEvent" SET status = 'DONE', "processedAt" = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
    } catch (err) {
      // Hand over to the poller now rather than at the end of the lease.
      await deps.pool.query(`UPDATE "OutboxEvent" SET "availableAt" = now(), "lastError" = $2 WHERE id = ANY($1) AND status = 'PENDING'`, [rows.map((r) => r.id), (err as Error).message]).catch(() => undefined);
      kick();
    }
  }

  async function drainOnce(): Promise<number> {
    const rows = await claim();
    if (!rows.length) return 0;
    let client: Client;
    try {
      client = await deps.temporal();
    } catch (err) {
      deps.log.warn({ err: (err as Error).message, pending: rows.length }, 'Temporal unreachable; outbox will retry');
      await deps.prisma.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { lastError: (err as Error).message, availableAt: new Date(Date.now() + 1000) } });
      return 0;
    }
    await Promise.all(
      rows.map(async (row) => {
        try {
          await deliver(client, row);
          await deps.prisma.outboxEvent.update({ where: { id: row.id }, data: { status: 'DONE', processedAt: new Date(), lastError: null } });
        } catch (err) {
          const isFinal = err instanceof WorkflowNotFoundError && !(await isStartPending(row));
          const backoffMs = Math.min(60_000, 500 * 2 ** Math.min(row.attempts, 7));
          await deps.prisma.outboxEvent.update({
            where: { id: row.id },
            data: { status: isFinal ? 'FAILED' : 'PENDING', lastError: (err as Error).message, availableAt: new Date(Date.now() + backoffMs) },
          });
          deps.log.warn({ outboxId: row.id, kind: row.kind, err: (err as Error).message, isFinal }, 'outbox delivery failed');
        }
      }),
    );
    return rows.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await drainOnce();
      total += n;
      if (n < BATCH) return total;
    }
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err) => (deps.log.warn({ err: (err as Error).message }, 'outbox drain failed'), 0))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    kick,
    deliverNow,
    drain,
    start() {
      timer = setInterval(kick, deps.pollMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
