// Side effect of action.update_field: set one allowlisted candidate column or a
// profile.<key> custom field under a row lock, with the old and new values in
// an audit entry whose id derives from the idempotency key (a retry returns the
// recorded change).
import type { Prisma } from '../generated/prisma/client';
import type { TUpdateCandidateFieldInput, TUpdateCandidateFieldResult } from '../workflows/graph/nodes/action-update-field';
import type { ActivityDeps } from './dependencies';
import { idForKey } from './id-for-key';
import { withLockedCandidate } from './lock-candidate';
import { touchRun } from './touch-run';

export function updateCandidateField(deps: ActivityDeps) {
  return async (input: TUpdateCandidateFieldInput): Promise<TUpdateCandidateFieldResult> => {
    const { prisma } = deps;
    const auditId = idForKey('field', input.idempotencyKey);
    const result = await withLockedCandidate(prisma, input.run, async (tx, candidate) => {
      const done = await tx.auditEvent.findUnique({ where: { id: auditId } });
      if (done) return { before: (done.before as { value: unknown }).value, after: (done.after as { value: unknown }).value };
      const [column, profileKey] = input.field.split('.') as [string, string | undefined];
      let before: unknown;
      let data: Prisma.CandidateUpdateInput;
      if (profileKey) {
        const profile = (candidate.profile ?? {}) as Record<string, unknown>;
        before = profile[profileKey] ?? null;
        data = { profile: { ...profile, [profileKey]: input.value } as Prisma.InputJsonObject };
      } else {
        before = (candidate as unknown as Record<string, unknown>)[column] ?? null;
        data = { [column]: input.value };
      }
      await tx.candidate.update({ where: { id: candidate.id }, data });
      await tx.auditEvent.create({
        data: {
          id: auditId, orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'candidate.field_updated',
          entityType: 'Candidate', entityId: candidate.id,
          before: { field: input.field, value: before as Prisma.InputJsonValue }, after: { field: input.field, value: input.value, runId: input.run.runId, nodeId: input.nodeId },
        },
      });
      return { before, after: input.value };
    });
    await touchRun(prisma, input.run.runId, input.nodeId);
    return result;
  };
}
