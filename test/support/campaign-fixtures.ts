// Campaign set-up for tests and benchmarks: prospects, a talent pool holding them, a published nurture
// pipeline (the prospect-nurture starter graph, or any graph), and a campaign over the pool, through the API
// where the thing under test is the API and through the database where it is only the scenery.
import crypto from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client';
import { prospectNurtureGraph, type ProspectNurtureOptions } from '../../workflows/graph/examples/prospect-nurture';
import type { TGraph } from '../../workflows/graph/schema';
import type { apiClient } from './harness';

type Call = ReturnType<typeof apiClient>;

/** A published NURTURE pipeline for campaigns; `graph` defaults to the prospect-nurture starter at any hour. */
export async function createNurturePipeline(call: Call, graph: TGraph | ProspectNurtureOptions = {}): Promise<string> {
  const body = 'nodes' in graph ? graph : prospectNurtureGraph({ isAnyTime: true, ...graph });
  const created = await call('POST', '/api/pipelines', { name: `Nurture ${crypto.randomBytes(3).toString('hex')}`, kind: 'NURTURE', graph: body });
  if (created.status !== 201) throw new Error(`create pipeline: ${JSON.stringify(created.body)}`);
  const published = await call('POST', `/api/pipelines/${created.body.id}/publish`);
  if (published.status !== 201) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return created.body.id as string;
}

/** `n` prospects with unique addresses (`tag` makes them easy to find). */
export async function createProspects(prisma: PrismaClient, orgId: string, n: number, tag = crypto.randomBytes(3).toString('hex')): Promise<{ id: string; email: string }[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ orgId, firstName: `Pat${i}`, lastName: `Prospect-${tag}`, email: `pat.${i}.${tag}@prospects.example`, source: 'sourced' }));
  const created = await prisma.candidate.createManyAndReturn({ data: rows, select: { id: true, email: true } });
  return created.map((c) => ({ id: c.id, email: c.email! }));
}

export async function createPool(prisma: PrismaClient, orgId: string, candidateIds: string[], name = `Pool ${crypto.randomBytes(3).toString('hex')}`): Promise<string> {
  const pool = await prisma.talentPool.create({ data: { orgId, name } });
  await prisma.talentPoolMember.createMany({ data: candidateIds.map((candidateId) => ({ poolId: pool.id, candidateId })) });
  return pool.id;
}

/** A DRAFT campaign over a pool, through the API. */
export async function createCampaign(call: Call, input: { pipelineId: string; poolId?: string; segmentId?: string; name?: string; [key: string]: unknown }) {
  const created = await call('POST', '/api/campaigns', { name: `Campaign ${crypto.randomBytes(3).toString('hex')}`, ...input });
  if (created.status !== 201) throw new Error(`create campaign: ${JSON.stringify(created.body)}`);
  return created.body as { id: string; [key: string]: unknown };
}
