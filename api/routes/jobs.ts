// Jobs with their stages (first cut; the full ATS job model comes with the ATS core).
import { z } from 'zod';
import type { StageKind } from '../../generated/prisma/client';
import { defineRoute } from '../route';
import { notFound } from '../errors';

export const DEFAULT_STAGES: { key: string; name: string; kind: StageKind }[] = [
  { key: 'applied', name: 'Applied', kind: 'APPLIED' },
  { key: 'screen', name: 'Screen', kind: 'SCREEN' },
  { key: 'interview', name: 'Interview', kind: 'INTERVIEW' },
  { key: 'offer', name: 'Offer', kind: 'OFFER' },
  { key: 'hired', name: 'Hired', kind: 'HIRED' },
  { key: 'rejected', name: 'Rejected', kind: 'REJECTED' },
];

const ZCreateJob = z.object({
  title: z.string().trim().min(1).max(200),
  department: z.string().max(200).optional(),
  locations: z.array(z.string().max(200)).max(50).default([]),
  status: z.enum(['DRAFT', 'OPEN']).default('OPEN'),
  pipelineId: z.string().optional(),
  stages: z.array(z.object({ key: z.string().regex(/^[a-z][a-z0-9_]*$/), name: z.string().min(1).max(100), kind: z.enum(['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'OTHER']) }).strict()).min(1).max(30).optional(),
}).strict();

export const jobRoutes = [
  defineRoute({
    method: 'get', path: '/api/jobs', summary: 'Jobs with stages and application counts', access: 'authenticated',
    handler: async ({ services, auth }) => {
      const jobs = await services.prisma.job.findMany({
        where: { orgId: auth.orgId }, orderBy: { createdAt: 'desc' },
        include: { stages: { orderBy: { position: 'asc' } }, _count: { select: { applications: true } } },
      });
      return { body: jobs.map(({ _count, ...j }) => ({ ...j, applicationCount: _count.applications })) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/jobs', summary: 'Create a job', access: ['ADMIN', 'RECRUITER'], body: ZCreateJob,
    handler: async ({ services, auth, body }) => {
      if (body.pipelineId && !(await services.prisma.pipeline.findFirst({ where: { id: body.pipelineId, orgId: auth.orgId } }))) throw notFound('Pipeline', body.pipelineId);
      const stages = body.stages ?? DEFAULT_STAGES;
      const job = await services.prisma.job.create({
        data: {
          orgId: auth.orgId, title: body.title, department: body.department, locations: body.locations, status: body.status, pipelineId: body.pipelineId,
          openedAt: body.status === 'OPEN' ? new Date() : null,
          stages: { create: stages.map((s, position) => ({ ...s, position })) },
        },
        include: { stages: { orderBy: { position: 'asc' } } },
      });
      return { status: 201, body: job };
    },
  }),
];
