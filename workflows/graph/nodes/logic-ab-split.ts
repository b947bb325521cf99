// A/B split: each candidate lands in one weighted variant, the same one every time.
import { z } from 'zod';
import { sha256Hex } from '../sha256';
import { defineNode } from '../node-definition';
import { ZPortName } from './config-parts';

export const ZAbSplitConfig = z
  .object({
    variants: z.array(z.object({ port: ZPortName, weight: z.number().int().min(1).max(1000) }).strict()).min(2).max(10),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.variants.forEach((v, i) => {
      if (seen.has(v.port)) ctx.addIssue({ code: 'custom', message: `port "${v.port}" is used twice`, path: ['variants', i, 'port'] });
      seen.add(v.port);
    });
  });
export type TAbSplitConfig = z.infer<typeof ZAbSplitConfig>;

/** The variant for a candidate at a node: a hash of both, so candidates spread by weight and each always gets the same one. */
export function pickVariant(variants: TAbSplitConfig['variants'], candidateId: string, nodeId: string): string {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let bucket = parseInt(sha256Hex(`${candidateId}:${nodeId}`).slice(0, 8), 16) % total;
  for (const v of variants) {
    if (bucket < v.weight) return v.port;
    bucket -= v.weight;
  }
  return variants[variants.length - 1]!.port;
}

export default defineNode({
  type: 'logic.ab_split',
  typeVersion: 1,
  category: 'logic',
  label: 'A/B split',
  docs:
    'Sends each candidate down one of several weighted variants (e.g. a 50/50 test of two email subjects). The choice ' +
    'is a hash of the candidate and this node, so the same candidate always gets the same variant, across runs and ' +
    'replays, and the split follows the weights over many candidates. Pure: no I/O.',
  config: ZAbSplitConfig,
  ports: (c) => c.variants.map((v) => v.port),
  start: (ctx) => ({ kind: 'next', port: pickVariant(ctx.config.variants, ctx.run.candidateId, ctx.nodeId) }),
});
