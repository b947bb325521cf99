// Scorecard templates of a job: the attributes interviewers rate (1-4 each)
// besides their overall recommendation, for the whole job or one stage. An
// interview uses its own template, else its stage's, else the job's general
// one (api/services/interviews/scorecards.ts).
import { z } from 'zod';
import type { Prisma as P } from '../../../generated/prisma/client';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';

const ZAttribute = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'lower-case letters, digits and _ (e.g. system_design)'),
    label: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
  })
  .strict();

export const ZScorecardTemplate = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** The stage this template is for; without it, the job's general template. */
    stageKey: z.string().min(1).max(100).optional(),
    attributes: z.array(ZAttribute).min(1).max(20).superRefine((attributes, ctx) => {
      const seen = new Set<string>();
      attributes.forEach((a, i) => {
        if (seen.has(a.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `"${a.key}" is used twice` });
        seen.add(a.key);
      });
    }),
  })
  .strict();
export type TScorecardTemplate = z.infer<typeof ZScorecardTemplate>;

export function listScorecardTemplates(services: Services, orgId: string, jobId: string) {
  return services.prisma.scorecardTemplate.findMany({ where: { orgId, jobId }, include: { stage: { select: { key: true, name: true } } }, orderBy: { createdAt: 'asc' } });
}

async function stageIdOf(services: Services, jobId: string, stageKey: string | undefined) {
  if (!stageKey) return null;
  const stage = await services.prisma.stage.findUnique({ where: { jobId_key: { jobId, key: stageKey } } });
  if (!stage) throw new AppError('VALIDATION_FAILED', `the job has no stage "${stageKey}"`, [{ path: 'body.stageKey', message: 'unknown stage key', code: 'invalid_value' }]);
  return stage.id;
}

export async function createScorecardTemplate(services: Services, auth: AuthContext, jobId: string, req: TScorecardTemplate) {
  const stageId = await stageIdOf(services, jobId, req.stageKey);
  return services.prisma.$transaction(async (tx) => {
    const template = await tx.scorecardTemplate.create({ data: { orgId: auth.orgId, jobId, stageId, name: req.name, attributes: req.attributes as P.InputJsonValue } });
    await tx.auditEvent.create({
      data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'scorecard_template.created', entityType: 'ScorecardTemplate', entityId: template.id, after: { jobId, stageKey: req.stageKey ?? null, name: req.name, attributes: req.attributes } },
    });
    return template;
  });
}

/** Scorecards already written keep their ratings; a changed attribute list applies to scorecards written from now on. */
export async function updateScorecardTemplate(services: Services, auth: AuthContext, jobId: string, templateId: string, req: TScorecardTemplate) {
  const before = await services.prisma.scorecardTemplate.findFirst({ where: { id: templateId, orgId: auth.orgId, jobId } });
  if (!before) throw notFound('Scorecard template', templateId);
  const stageId = await stageIdOf(services, jobId, req.stageKey);
  return services.prisma.$transaction(async (tx) => {
    const template = await tx.scorecardTemplate.update({ where: { id: templateId }, data: { stageId, name: req.name, attributes: req.attributes as P.InputJsonValue } });
    await tx.auditEvent.create({
      data: {
        orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'scorecard_template.updated', entityType: 'ScorecardTemplate', entityId: templateId,
        before: { name: before.name, stageId: before.stageId, attributes: before.attributes as P.InputJsonValue }, after: { name: req.name, stageId, attributes: req.attributes },
      },
    });
    return template;
  });
}
