// Side effect of action.add_to_pool: the organization's pool of that name
// (created on first use) and the candidate's membership. Both are upserts, so
// a retry changes nothing; the audit entry is written only with a new membership.
import type { TAddToPoolInput, TAddToPoolResult } from '../workflows/graph/nodes/action-add-to-pool';
import type { ActivityDeps } from './dependencies';
import { touchRun } from './touch-run';

export function addToPool(deps: ActivityDeps) {
  return async (input: TAddToPoolInput): Promise<TAddToPoolResult> => {
    const { prisma } = deps;
    const pool = await prisma.talentPool.upsert({
      where: { orgId_name: { orgId: input.run.orgId, name: input.poolName } },
      create: { orgId: input.run.orgId, name: input.poolName },
      update: {},
    });
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.talentPoolMember.createMany({ data: [{ poolId: pool.id, candidateId: input.run.candidateId }], skipDuplicates: true });
      if (count === 0) return;
      await tx.auditEvent.create({
        data: {
          orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'talent_pool.member_added',
          entityType: 'TalentPool', entityId: pool.id, after: { candidateId: input.run.candidateId, runId: input.run.runId, nodeId: input.nodeId },
        },
      });
    });
    await touchRun(prisma, input.run.runId, input.nodeId);
    return { poolId: pool.id };
  };
}
