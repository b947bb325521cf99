// `npm run seed` against the test PostgreSQL and Temporal: a smaller seed (20
// applicants), then what a newcomer would look at, read back from the database,
// the resume files on disk and Temporal itself; a second seed adds nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestSystem, type TestSystem } from '../support/harness';
import { seedDemo, type TSeedResult } from '../../scripts/seed/seed-demo';
import { resumeStorageRoot } from '../../api/apply/resume-storage';

const CANDIDATES = 20;

describe('npm run seed', () => {
  let t: TestSystem;
  let dataDir: string;
  let result: TSeedResult;
  const progress: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-seed-'));
    t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
    const orgSlug = `seed-${crypto.randomBytes(4).toString('hex')}`;
    result = await seedDemo(t.system.services!, { orgSlug, orgName: 'Seeded Corp', candidates: CANDIDATES, report: (line) => progress.push(line) });
  }, 300_000);

  afterAll(async () => {
    await t?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const orgId = () => result.org.orgId;

  it('reports its progress', () => {
    expect(progress).toContain(`candidates ${CANDIDATES}/${CANDIDATES}`);
    expect(progress.filter((l) => /^candidates \d+\/20$/.test(l)).length).toBeGreaterThanOrEqual(10);
  });

  it('creates a user per role, each with an argon2id password', async () => {
    const users = await t.prisma.user.findMany({ where: { orgId: orgId() } });
    const roles = users.map((u) => u.role);
    for (const role of ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER', 'INTERVIEWER'] as const) expect(roles).toContain(role);
    expect(roles.filter((r) => r === 'INTERVIEWER')).toHaveLength(3);
    for (const user of users) expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const audits = await t.prisma.auditEvent.count({ where: { orgId: orgId(), action: 'user.password_set' } });
    expect(audits).toBe(users.length);
  });

  it('creates jobs in every status, each with a team and, when it takes applicants, a published pipeline', async () => {
    const jobs = await t.prisma.job.findMany({ where: { orgId: orgId() }, include: { members: true, stages: true, pipeline: { include: { versions: true } } } });
    expect(jobs.map((j) => j.status).sort()).toEqual(['CLOSED', 'DRAFT', 'OPEN', 'OPEN', 'OPEN', 'PENDING_APPROVAL']);
    for (const job of jobs) {
      expect(job.department).toBeTruthy();
      expect(job.salaryMin).not.toBeNull();
      expect(job.description).toContain('## ');
      expect(job.members.length).toBeGreaterThanOrEqual(4);
      expect(job.stages.map((s) => s.key)).toEqual(expect.arrayContaining(['applied', 'screen', 'interview', 'offer', 'hired', 'rejected']));
      if (job.status !== 'DRAFT') expect(job.pipeline?.versions.some((v) => v.status === 'PUBLISHED')).toBe(true);
    }
    expect(new Set(jobs.map((j) => j.pipeline?.name).filter(Boolean))).toEqual(new Set(['Standard hiring pipeline', 'Application review']));
    expect(jobs.filter((j) => j.stageTemplateId).length).toBeGreaterThanOrEqual(4);
    const approval = await t.prisma.task.findFirst({ where: { orgId: orgId(), kind: 'APPROVE', status: 'OPEN', jobId: jobs.find((j) => j.status === 'PENDING_APPROVAL')!.id } });
    expect(approval?.assigneeId).toBe(result.org.admin.id);
  });

  it('applies every candidate with a parsed PDF resume stored on disk, from several sources', async () => {
    const candidates = await t.prisma.candidate.findMany({ where: { orgId: orgId() }, include: { resumeFiles: true, applications: true } });
    expect(candidates).toHaveLength(CANDIDATES);
    const storage = resumeStorageRoot(dataDir);
    for (const c of candidates) {
      expect(c.resumeFiles).toHaveLength(1);
      const file = c.resumeFiles[0]!;
      expect(file.kind).toBe('pdf');
      expect(file.parseStatus).toBe('PARSED');
      const bytes = fs.readFileSync(path.join(storage, file.storageKey));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBe(file.sizeBytes);
      expect(c.currentResumeId).toBe(file.id);
      expect(c.skills.length).toBeGreaterThan(0);
      expect(c.headline).toBeTruthy();
      expect(c.phoneE164).toMatch(/^\+\d+$/);
      expect((c.employers as unknown[]).length).toBeGreaterThan(0);
    }
    // The repeat applicant: another address, the same person (phone, name and links), flagged for a merge.
    const flagged = await t.prisma.auditEvent.findMany({ where: { orgId: orgId(), action: 'candidate.duplicates_suspected' } });
    expect(flagged).toHaveLength(1);
    expect(JSON.stringify(flagged[0]!.after)).toContain('phone');
    const sources = new Set(candidates.flatMap((c) => c.applications.map((a) => a.source)));
    expect(sources.size).toBeGreaterThanOrEqual(3);
    const utm = await t.prisma.application.count({ where: { orgId: orgId(), utm: { path: ['utm_source'], equals: 'linkedin' } } });
    expect(utm).toBeGreaterThan(0);
  });

  it('spreads applications across stages: screens, interviews with scorecards, rejections with reasons, a hire', async () => {
    const apps = await t.prisma.application.findMany({ where: { orgId: orgId() }, include: { stage: true } });
    expect(new Set(apps.map((a) => a.stage.key)).size).toBeGreaterThanOrEqual(4);
    expect(apps.filter((a) => a.status === 'HIRED').length).toBeGreaterThanOrEqual(1);
    expect(apps.filter((a) => a.status === 'REJECTED' && a.rejectionReason).length).toBeGreaterThanOrEqual(2);
    const interviews = await t.prisma.interview.findMany({ where: { orgId: orgId() } });
    expect(interviews.some((i) => i.startsAt! > new Date())).toBe(true);
    expect(interviews.some((i) => i.startsAt! < new Date())).toBe(true);
    expect(await t.prisma.scorecard.count({ where: { orgId: orgId(), interviewId: { not: null } } })).toBeGreaterThan(0);
    expect(await t.prisma.candidateNote.count({ where: { orgId: orgId() } })).toBeGreaterThan(0);
    expect(await t.prisma.auditEvent.count({ where: { orgId: orgId(), action: 'note.added' } })).toBe(await t.prisma.candidateNote.count({ where: { orgId: orgId() } }));
    // A hiring manager's note mentions the recruiter: an inbox task for them.
    expect(await t.prisma.task.count({ where: { orgId: orgId(), assigneeId: result.org.recruiter.id, idempotencyKey: { startsWith: 'note:' } } })).toBeGreaterThan(0);
    const overdue = await t.prisma.task.count({ where: { orgId: orgId(), status: 'OPEN', assigneeId: result.org.recruiter.id, dueAt: { lt: new Date() } } });
    expect(overdue).toBeGreaterThanOrEqual(1);
    const mail = await t.prisma.message.count({ where: { orgId: orgId(), status: 'SENT' } });
    expect(mail).toBeGreaterThanOrEqual(CANDIDATES);
  });

  it('leaves runs parked at their waits, running in Temporal', async () => {
    const runs = await t.prisma.run.findMany({ where: { orgId: orgId(), status: 'RUNNING' } });
    expect(runs.length).toBeGreaterThanOrEqual(5);
    const waits = new Set(runs.map((r) => r.currentNodeId));
    expect([...waits]).toEqual(expect.arrayContaining(['screen', 'schedule', 'interview_feedback']));
    const client = await t.system.services!.temporal();
    for (const run of runs) {
      const description = await client.workflow.getHandle(run.workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
    }
    expect(await t.prisma.run.count({ where: { orgId: orgId(), status: 'COMPLETED' } })).toBeGreaterThan(0);
  });

  it('adds nothing when run again', async () => {
    const counts = async () => {
      const where = { orgId: orgId() };
      return {
        users: await t.prisma.user.count({ where }), jobs: await t.prisma.job.count({ where }), pipelines: await t.prisma.pipeline.count({ where }),
        versions: await t.prisma.pipelineVersion.count({ where }), candidates: await t.prisma.candidate.count({ where }),
        applications: await t.prisma.application.count({ where }), resumes: await t.prisma.resumeFile.count({ where }), runs: await t.prisma.run.count({ where }),
        tasks: await t.prisma.task.count({ where }), interviews: await t.prisma.interview.count({ where }), scorecards: await t.prisma.scorecard.count({ where }),
        notes: await t.prisma.candidateNote.count({ where }), transitions: await t.prisma.stageTransition.count({ where }),
        reasons: await t.prisma.rejectionReason.count({ where }), stageTemplates: await t.prisma.stageTemplate.count({ where }),
      };
    };
    const before = await counts();
    const again = await seedDemo(t.system.services!, { orgSlug: result.org.slug, orgName: 'Seeded Corp', candidates: CANDIDATES });
    expect(again.created).toEqual({ applications: 0, notes: 0, todos: 0 });
    expect(again.skipped).toBe(0);
    expect(await counts()).toEqual(before);
    expect(again.org.users.every((u) => u.hasDemoPassword)).toBe(true);
  }, 120_000);
});
