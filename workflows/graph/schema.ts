// The pipeline graph: what the builder draws and the API stores. Pure
// TypeScript (no Node built-ins): the builder UI, the API and the workflow
// sandbox import this same file.
import { z } from 'zod';

export const LIMITS = { maxNodes: 1000, maxEdges: 2000, maxConfigBytes: 64 * 1024 } as const;

const ZId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, and _ . : - only');

export interface TDuration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

export const ZDuration: z.ZodType<TDuration> = z
  .object({
    days: z.number().int().min(0).optional(),
    hours: z.number().int().min(0).optional(),
    minutes: z.number().int().min(0).optional(),
    seconds: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((d) => durationToMs(d) > 0, 'duration must be longer than zero');

export function durationToMs(d: TDuration): number {
  return (((d.days ?? 0) * 24 + (d.hours ?? 0)) * 60 + (d.minutes ?? 0)) * 60_000 + (d.seconds ?? 0) * 1000;
}

export const ZRetryPolicy = z
  .object({
    maximumAttempts: z.number().int().min(1).max(100).optional(),
    initialIntervalMs: z.number().int().min(100).optional(),
    backoffCoefficient: z.number().min(1).max(10).optional(),
  })
  .strict();

export const ZGraphNode = z
  .object({
    id: ZId,
    type: z.string().min(1),
    typeVersion: z.number().int().min(1),
    label: z.string().max(200).optional(),
    config: z.unknown().default({}),
    retry: ZRetryPolicy.optional(),
    timeout: ZDuration.optional(),
  })
  .strict();

export const ZGraphEdge = z
  .object({
    id: ZId.optional(),
    source: ZId,
    sourcePort: z.string().min(1),
    target: ZId,
  })
  .strict();

/** Node positions live apart from the content: moving a node does not change the plan hash. */
export const ZLayout = z.record(z.string(), z.object({ x: z.number(), y: z.number() }));

/** Events that end a run wherever it waits (graph-level exit conditions). */
export const EXIT_EVENTS = ['candidate.applied', 'candidate.replied', 'candidate.withdrew', 'candidate.unsubscribed', 'candidate.hired'] as const;

export const ZGraphSettings = z
  .object({ exitOn: z.array(z.enum(EXIT_EVENTS)).max(EXIT_EVENTS.length).default([]) })
  .strict();

export const ZGraph = z
  .object({
    nodes: z.array(ZGraphNode).max(LIMITS.maxNodes),
    edges: z.array(ZGraphEdge).max(LIMITS.maxEdges),
    layout: ZLayout.optional(),
    settings: ZGraphSettings.optional(),
  })
  .strict();

export type TGraph = z.infer<typeof ZGraph>;
export type TGraphNode = z.infer<typeof ZGraphNode>;
export type TGraphEdge = z.infer<typeof ZGraphEdge>;

export const edgeId = (e: TGraphEdge) => e.id ?? `${e.source}:${e.sourcePort}->${e.target}`;
