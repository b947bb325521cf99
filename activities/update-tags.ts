// Side effect of action.tag: add and remove candidate tags under a row lock,
// with an audit entry whose id derives from the idempotency key: a retry finds
// it and returns the recorded tags instead of applying the change again.
import type { TUpdateTagsInput, TUpdateTagsResult } from '../workflows/graph/nodes/action-tag';
import type { ActivityDeps } from './dependencies';
import { idForKey } from './id-for-key';
import { withLockedCandidate } from './lock-candidate';
import { touchRun } from './touch-run';

export function updateTags(deps: ActivityDeps) {
  return async (input: TUpdateTagsInput): Promise<TUpdateTagsResult> => {
    const { prisma } = deps;
    const auditId = idForKey('tags', input.idempotencyKey);
    const result = await withLockedCandidate(prisma, input.run, async (tx, candidate) => {
      const done = await tx.auditEvent.findUnique({ where: { id: auditId } });
      if (done) return { tags: (done.after as { tags: string[] }).tags };
      const tags = [...new Set([...candidate.tags.filter((t) => !input.remove.includes(t)), ...input.add])];
      await tx.candidate.update({ where: { id: candidate.id }, data: { tags } });
      await tx.auditEvent.create({
        data: {
          id: auditId, orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'candidate.tags_updated',
          entityType: 'Candidate', entityId: candidate.id, before: { tags: candidate.tags }, after: { tags, runId: input.run.runId, nodeId: input.nodeId },
        },
      });
      return { tags };
    });
    await touchRun(prisma, input.run.runId, input.nodeId);
    return result;
  };
}
