// Conditions for branch nodes: deterministic comparisons over run variables
// (feedback, candidate, application fields). No code, no expressions to eval.
import { z } from 'zod';

export const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists'] as const;

export const ZCondition = z
  .object({
    field: z.string().min(1).regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'a dotted field path such as feedback.score'),
    op: z.enum(OPERATORS),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
  })
  .strict()
  .refine((c) => c.op === 'exists' || c.value !== undefined, { message: 'value is required for this operator', path: ['value'] });
export type TCondition = z.infer<typeof ZCondition>;

export function readField(vars: Readonly<Record<string, unknown>>, field: string): unknown {
  let cur: unknown = vars;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function evaluateCondition(c: TCondition, vars: Readonly<Record<string, unknown>>): boolean {
  const actual = readField(vars, c.field);
  const expected = c.value;
  switch (c.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'in':
      return Array.isArray(expected) && (expected as unknown[]).includes(actual);
    case 'contains':
      return Array.isArray(actual) ? actual.includes(expected) : typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
  }
}
