// Dry runs of a pipeline (the saved draft, a published version, or a graph sent
// with the request) for a real or sample candidate and a script of events. No
// side effects: nothing is written or sent.
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { compileGraph } from '../../workflows/graph/compile';
import { simulate, ZSimulationScript } from '../../workflows/graph/simulate';
import type { Plan } from '../../workflows/graph/plan';
import type { Services } from './services';

export const ZSimulateRequest = z
  .object({
    versionId: z.string().optional(),
    /** The graph as the builder has it now (autosave may lag): compiled like the draft, never stored. */
    graph: z.unknown().optional(),
    candidateId: z.string().optional(),
    candidate: z
      .object({
        firstName: z.string().max(100),
        lastName: z.string().max(100),
        email: z.string().email().optional(),
        /** A sample's profile for screening by criteria (a real candidate brings their own). */
        skills: z.array(z.string().max(100)).max(50).optional(),
        yearsExperience: z.number().min(0).max(80).optional(),
        countryCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case').optional(),
        tags: z.array(z.string().max(100)).max(50).optional(),
        resumeText: z.string().max(50_000).optional(),
      })
      .strict()
      .optional(),
    script: ZSimulationScript.default([]),
    startAt: z.coerce.date().optional(),
  })
  .strict()
  .refine((r) => r.versionId === undefined || r.graph === undefined, { message: 'send a versionId or a graph, not both', path: ['graph'] });

const SAMPLE_CANDIDATE = { firstName: 'Sam', lastName: 'Sample', email: 'sam.sample@example.com', phone: null };

export async function simulatePipeline(services: Services, orgId: string, pipelineId: string, req: z.infer<typeof ZSimulateRequest>) {
  const { prisma } = services;
  const pipeline = await prisma.pipeline.findFirst({ where: { id: pipelineId, orgId }, include: { jobs: { take: 1 }, org: true } });
  if (!pipeline) throw notFound('Pipeline', pipelineId);
  let plan: Plan;
  if (req.versionId) {
    const version = await prisma.pipelineVersion.findFirst({ where: { id: req.versionId, pipelineId } });
    if (!version) throw notFound('Version', req.versionId);
    plan = version.plan as unknown as Plan;
  } else {
    const what = req.graph === undefined ? 'the draft' : 'the graph';
    const compiled = compileGraph(req.graph ?? pipeline.draft);
    if (!compiled.ok) throw new AppError('INVALID_GRAPH', `${what} has ${compiled.issues.length} validation problem${compiled.issues.length === 1 ? '' : 's'}; fix them to simulate`, compiled.issues);
    plan = compiled.plan;
  }
  const found = req.candidateId ? await prisma.candidate.findFirst({ where: { id: req.candidateId, orgId } }) : null;
  if (req.candidateId && !found) throw notFound('Candidate', req.candidateId);
  const person = found ?? { ...SAMPLE_CANDIDATE, ...req.candidate };
  const job = pipeline.jobs[0];
  const context = {
    candidate: { firstName: person.firstName, lastName: person.lastName, fullName: `${person.firstName} ${person.lastName}`, email: person.email ?? null, phone: person.phone ?? null },
    job: job ? { title: job.title, department: job.department, location: job.locations[0] ?? null } : { title: 'Sample Role', department: null, location: null },
    application: { id: 'simulated', stage: 'Applied' },
    org: { name: pipeline.org.name },
  };
  const profile = found
    ? { skills: found.skills, yearsExperience: found.yearsExperience, countryCode: found.countryCode, tags: found.tags, text: [found.firstName, found.lastName, found.email, found.headline, found.skills.join(' '), found.resumeText].filter(Boolean).join(' ') }
    : { skills: (req.candidate?.skills ?? []).map((s) => s.toLowerCase()), yearsExperience: req.candidate?.yearsExperience ?? null, countryCode: req.candidate?.countryCode ?? null, tags: req.candidate?.tags ?? [], text: [person.firstName, person.lastName, person.email, (req.candidate?.skills ?? []).join(' '), req.candidate?.resumeText].filter(Boolean).join(' ') };
  return simulate({ plan, context, profile: { ...profile, knockoutFailures: [] }, script: req.script, startAt: (req.startAt ?? new Date()).getTime() });
}
