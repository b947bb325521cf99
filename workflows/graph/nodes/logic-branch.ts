// Branch: the first rule whose conditions all hold picks the port; else "otherwise".
import { z } from 'zod';
import { ZCondition, evaluateCondition } from '../conditions';
import { defineNode } from '../node-definition';

const ZPort = z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');

export const ZBranchConfig = z
  .object({
    rules: z.array(z.object({ port: ZPort, when: z.array(ZCondition).min(1) }).strict()).min(1).max(20),
    otherwise: ZPort.default('otherwise'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, port] of [...c.rules.map((r) => r.port), c.otherwise].entries()) {
      if (seen.has(port)) ctx.addIssue({ code: 'custom', message: `port "${port}" is used twice`, path: i < c.rules.length ? ['rules', i, 'port'] : ['otherwise'] });
      seen.add(port);
    }
  });
export type TBranchConfig = z.infer<typeof ZBranchConfig>;

export default defineNode({
  type: 'logic.branch',
  typeVersion: 1,
  category: 'logic',
  label: 'Branch',
  docs:
    'Routes the run by conditions over its data, e.g. feedback.score gte 3, or visits.<nodeId> gte 52 to bound a loop. Rules are tried in order; the first whose ' +
    'conditions all hold picks its port, otherwise the "otherwise" port. Pure: no I/O, evaluated in the workflow.',
  config: ZBranchConfig,
  ports: (c) => [...c.rules.map((r) => r.port), c.otherwise],
  // Loop counters (visits.*) always exist; other fields must come from the snapshot or an earlier node.
  reads: (c) => c.rules.flatMap((r) => r.when.map((w) => w.field)).filter((f) => !f.startsWith('visits.')),
  start: (ctx) => {
    const data = { ...ctx.vars, visits: ctx.visits };
    const rule = ctx.config.rules.find((r) => r.when.every((cond) => evaluateCondition(cond, data)));
    return { kind: 'next', port: rule ? rule.port : ctx.config.otherwise };
  },
});
