// Pipeline graphs: list, create, read, save draft, validate, publish.
import { z } from 'zod';
import { defineRoute } from '../route';
import { notFound } from '../errors';
import { createPipeline, publishPipeline, rollbackPipeline, saveDraft, ZCreatePipeline, ZRollback, ZSaveDraft } from '../services/pipelines';
import { validateGraph } from '../../workflows/graph/validate';
import { simulatePipeline, ZSimulateRequest } from '../services/simulations';
import { migrateRuns, migrationReport, ZMigrationRequest } from '../services/migrations';
import { startManualRun, ZStartRun } from '../services/manual-runs';
import { NODE_DEFINITIONS } from '../../workflows/graph/registry';
import { STARTER_TEMPLATES } from '../../workflows/graph/examples/starter-templates';

const ZId = z.object({ id: z.string().min(1) }).strict();
const ZVersionId = z.object({ id: z.string().min(1), versionId: z.string().min(1) }).strict();
const EDITORS = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;

export const pipelineRoutes = [
  defineRoute({
    method: 'get', path: '/api/node-types', summary: 'The node catalog', access: 'authenticated',
    handler: async () => ({ body: NODE_DEFINITIONS.map((d) => ({ type: d.type, typeVersion: d.typeVersion, category: d.category, label: d.label, docs: d.docs, config: z.toJSONSchema(d.config, { io: 'input', unrepresentable: 'any' }) })) }),
  }),
  defineRoute({
    method: 'get', path: '/api/pipelines', summary: 'List pipelines', access: 'authenticated',
    handler: async ({ services, auth }) => {
      const rows = await services.prisma.pipeline.findMany({
        where: { orgId: auth.orgId }, orderBy: { updatedAt: 'desc' },
        include: { versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, hash: true, publishedAt: true } } },
      });
      return { body: rows.map(({ versions, draft: _draft, ...p }) => ({ ...p, latestVersion: versions[0] ?? null })) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines', summary: 'Create a pipeline', access: EDITORS, body: ZCreatePipeline, bodyLimit: '2mb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createPipeline(services, auth.orgId, auth.userId, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/pipeline-templates', summary: 'Starter templates a pipeline can be created from (POST /api/pipelines with templateId)', access: 'authenticated',
    handler: async () => ({ body: STARTER_TEMPLATES.map((t) => ({ id: t.id, name: t.name, kind: t.kind, description: t.description, nodeCount: t.graph.nodes.length })) }),
  }),
  defineRoute({
    method: 'get', path: '/api/pipelines/:id', summary: 'A pipeline with its draft and versions', access: 'authenticated', params: ZId,
    handler: async ({ services, auth, params }) => {
      const p = await services.prisma.pipeline.findFirst({
        where: { id: params.id, orgId: auth.orgId },
        include: {
          versions: { orderBy: { version: 'desc' }, select: { id: true, version: true, hash: true, status: true, publishedAt: true } },
          jobs: { select: { id: true, title: true, stages: { orderBy: { position: 'asc' }, select: { key: true, name: true } } } },
        },
      });
      if (!p) throw notFound('Pipeline', params.id);
      return { body: p };
    },
  }),
  defineRoute({
    method: 'put', path: '/api/pipelines/:id/draft', summary: 'Save the draft (revision must match)', access: EDITORS, params: ZId, body: ZSaveDraft, bodyLimit: '2mb',
    handler: async ({ services, auth, params, body }) => ({ body: await saveDraft(services, auth.orgId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/validate', summary: 'Validate the draft without publishing', access: 'authenticated', params: ZId,
    handler: async ({ services, auth, params }) => {
      const p = await services.prisma.pipeline.findFirst({ where: { id: params.id, orgId: auth.orgId } });
      if (!p) throw notFound('Pipeline', params.id);
      return { body: { issues: validateGraph(p.draft).issues } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/publish', summary: 'Validate, compile and publish the draft as a new version', access: EDITORS, params: ZId,
    handler: async ({ services, auth, params }) => {
      const { version, isNew } = await publishPipeline(services, auth.orgId, params.id, auth.userId);
      return { status: isNew ? 201 : 200, body: { id: version.id, version: version.version, hash: version.hash, status: version.status, publishedAt: version.publishedAt } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/simulate', summary: 'Dry run: the timeline a candidate would get, for a script of events (no side effects)', access: 'authenticated',
    params: ZId, body: ZSimulateRequest, bodyLimit: '2mb',
    handler: async ({ services, auth, params, body }) => ({ body: await simulatePipeline(services, auth.orgId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/migrations/preview', summary: 'Compatibility report: in-flight runs of a version grouped by the node they wait at', access: EDITORS,
    params: ZId, body: ZMigrationRequest,
    handler: async ({ services, auth, params, body }) => {
      const { toPlan: _plan, ...report } = await migrationReport(services, auth.orgId, params.id, body);
      return { body: report };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/migrations', summary: 'Move parked runs to another version (refused with the report when a group cannot move)', access: EDITORS,
    params: ZId, body: ZMigrationRequest,
    handler: async ({ services, auth, params, body }) => ({ body: await migrateRuns(services, auth.orgId, params.id, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/pipelines/:id/versions/:versionId', summary: 'A published version with its graph (and layout) as published', access: 'authenticated', params: ZVersionId,
    handler: async ({ services, auth, params }) => {
      const version = await services.prisma.pipelineVersion.findFirst({
        where: { id: params.versionId, pipelineId: params.id, orgId: auth.orgId }, select: { id: true, version: true, status: true, hash: true, publishedAt: true, graph: true },
      });
      if (!version) throw notFound('Version', params.versionId);
      return { body: version };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/versions/:versionId/rollback', summary: 'Publish an older version as the newest and make it the draft (revision must match)', access: EDITORS,
    params: ZVersionId, body: ZRollback, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => {
      const { version, isNew, rolledBackFrom, draftRevision } = await rollbackPipeline(services, auth.orgId, params.id, params.versionId, body, auth.userId);
      return { status: isNew ? 201 : 200, body: { id: version.id, version: version.version, hash: version.hash, status: version.status, publishedAt: version.publishedAt, rolledBackFrom, draftRevision } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/versions/:versionId/retire', summary: 'Retire a version: new runs no longer start on it; running ones finish on it', access: EDITORS,
    params: z.object({ id: z.string().min(1), versionId: z.string().min(1) }).strict(),
    handler: async ({ services, auth, params }) => {
      const { count } = await services.prisma.pipelineVersion.updateMany({ where: { id: params.versionId, pipelineId: params.id, orgId: auth.orgId }, data: { status: 'RETIRED' } });
      if (!count) throw notFound('Version', params.versionId);
      return { body: await services.prisma.pipelineVersion.findUniqueOrThrow({ where: { id: params.versionId }, select: { id: true, version: true, status: true, hash: true } }) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/runs', summary: 'Start the latest published version for a candidate (pipelines with a manual trigger)', access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    params: ZId, body: ZStartRun, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await startManualRun(services, auth.orgId, auth.userId, params.id, body) }),
  }),
];
