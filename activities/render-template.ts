// Renders message templates with Handlebars over the run's context, loaded
// fresh from the database at send time (so a corrected name is used).
import Handlebars from 'handlebars';
import type { PrismaClient } from '../generated/prisma/client';
import type { RunRef } from '../workflows/graph/node-definition';
import { AppError } from '../api/errors';
import { withRunVars } from '../workflows/graph/template-variables';

export interface TemplateContext {
  candidate: { firstName: string; lastName: string; fullName: string; email: string | null; phone: string | null };
  job?: { title: string; department: string | null; location: string | null };
  application?: { id: string; stage: string };
  org: { name: string };
  sender: { name: string; email: string };
  [extra: string]: unknown;
}

export async function loadTemplateContext(prisma: PrismaClient, run: RunRef, sender: { name: string; email: string }, vars?: Record<string, unknown>): Promise<TemplateContext> {
  return withRunVars(await loadFreshContext(prisma, run, sender), vars);
}

async function loadFreshContext(prisma: PrismaClient, run: RunRef, sender: { name: string; email: string }): Promise<TemplateContext> {
  const candidate = await prisma.candidate.findFirst({ where: { id: run.candidateId, orgId: run.orgId }, include: { org: true } });
  if (!candidate) throw new AppError('NOT_FOUND', `candidate ${run.candidateId} not found`);
  const application = run.applicationId
    ? await prisma.application.findFirst({ where: { id: run.applicationId, orgId: run.orgId }, include: { job: true, stage: true } })
    : null;
  return {
    candidate: {
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      fullName: `${candidate.firstName} ${candidate.lastName}`.trim(),
      email: candidate.email,
      phone: candidate.phone,
    },
    job: application ? { title: application.job.title, department: application.job.department, location: application.job.locations[0] ?? null } : undefined,
    application: application ? { id: application.id, stage: application.stage.name } : undefined,
    org: { name: candidate.org.name },
    sender,
  };
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function renderTemplate(template: string, context: TemplateContext, opts: { isHtml?: boolean } = {}): string {
  const key = `${opts.isHtml ? 'h' : 't'}:${template}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = Handlebars.compile(template, { noEscape: !opts.isHtml, strict: false });
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, fn);
  }
  return fn(context);
}
