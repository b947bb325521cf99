// The recruiter inbox against the real API and database: SLA due and overdue
// states, filters (job, assignee, due window, kind), keyset pages, counts per
// state; claim, snooze and reassign with their audit rows; bad input refused
// with nothing written.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { COUNT_CAP } from '../../../api/services/inbox';
import { applicant } from '../../support/fixtures';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let interviewer: ReturnType<typeof apiClient>;
let jobA: string;
let jobB: string;
let appA: { id: string; candidateId: string };
let appB: { id: string; candidateId: string };
const H = 3600_000;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  admin = apiClient(t.url, org.tokens.admin);
  interviewer = apiClient(t.url, org.tokens.interviewer);
  jobA = (await recruiter('POST', '/api/jobs', { title: 'Backend Engineer', department: 'Engineering' })).body.id;
  jobB = (await recruiter('POST', '/api/jobs', { title: 'Designer', department: 'Design' })).body.id;
  appA = (await recruiter('POST', '/api/applications', applicant(jobA))).body;
  appB = (await recruiter('POST', '/api/applications', applicant(jobB))).body;
});
afterAll(() => t?.stop());

async function task(data: { kind?: 'REVIEW' | 'SCHEDULE' | 'FEEDBACK' | 'DECIDE' | 'APPROVE' | 'TODO'; title?: string; assigneeId?: string | null; assigneeRole?: 'RECRUITER' | null; dueAt?: Date | null; app?: { id: string; candidateId: string } }) {
  const app = data.app ?? appA;
  return t.prisma.task.create({
    data: {
      orgId: org.orgId, kind: data.kind ?? 'REVIEW', title: data.title ?? 'Review', assigneeId: data.assigneeId === undefined ? org.userIds.recruiter : data.assigneeId,
      assigneeRole: data.assigneeRole ?? null, dueAt: data.dueAt === undefined ? null : data.dueAt, applicationId: app.id, candidateId: app.candidateId,
      idempotencyKey: `test:${crypto.randomUUID()}`,
    },
  });
}
const ids = (body: { tasks: { id: string }[] }) => body.tasks.map((x) => x.id);

describe('listing', () => {
  let overdue: string, today: string, nextWeek: string, later: string, noDue: string, otherJob: string, unassigned: string, mine: string;
  beforeAll(async () => {
    await t.prisma.task.deleteMany({ where: { orgId: org.orgId } });
    overdue = (await task({ title: 'overdue', dueAt: new Date(Date.now() - 2 * H) })).id;
    // Just ahead of now, so it is "today" in UTC unless the test runs in the last minute of the day.
    today = (await task({ title: 'today', dueAt: new Date(Date.now() + 60_000) })).id;
    nextWeek = (await task({ title: 'in three days', dueAt: new Date(Date.now() + 72 * H), kind: 'SCHEDULE' })).id;
    later = (await task({ title: 'in a month', dueAt: new Date(Date.now() + 30 * 24 * H) })).id;
    noDue = (await task({ title: 'no due date', dueAt: null })).id;
    otherJob = (await task({ title: 'other job', dueAt: new Date(Date.now() + 48 * H), app: appB })).id;
    unassigned = (await task({ title: 'role task', assigneeId: null, assigneeRole: 'RECRUITER', dueAt: new Date(Date.now() + 96 * H) })).id;
    mine = (await task({ title: 'admin task', assigneeId: org.userIds.admin, dueAt: new Date(Date.now() + 100 * H), kind: 'DECIDE' })).id;
  });

  test('ordered by SLA, tasks without a due time last; overdue flagged; counts per state', async () => {
    const res = await recruiter('GET', '/api/tasks');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([overdue, today, otherJob, nextWeek, unassigned, mine, later, noDue]);
    expect(res.body.tasks.map((x: any) => x.isOverdue)).toEqual([true, false, false, false, false, false, false, false]);
    expect(res.body.tasks[0]).toMatchObject({ job: { id: jobA, title: 'Backend Engineer' }, applicationId: appA.id, application: { stage: { key: 'applied' } } });
    expect(res.body.counts).toEqual({ open: 8, overdue: 1, dueToday: 1, snoozed: 0, isCapped: false });
  });

  test('filters: job, assignee, due window, kind', async () => {
    expect(ids((await recruiter('GET', `/api/tasks?jobId=${jobB}`)).body)).toEqual([otherJob]);
    expect((await recruiter('GET', `/api/tasks?jobId=${jobB}`)).body.counts.open).toBe(1);
    expect(ids((await recruiter('GET', '/api/tasks?assignee=unassigned')).body)).toEqual([unassigned]);
    expect(ids((await admin('GET', '/api/tasks?assignee=me')).body)).toEqual([mine]);
    expect(ids((await recruiter('GET', `/api/tasks?assignee=${org.userIds.admin}`)).body)).toEqual([mine]);
    expect(ids((await recruiter('GET', '/api/tasks?due=overdue')).body)).toEqual([overdue]);
    expect(ids((await recruiter('GET', '/api/tasks?due=today')).body)).toEqual([overdue, today]);
    expect(ids((await recruiter('GET', '/api/tasks?due=week')).body)).toEqual([overdue, today, otherJob, nextWeek, unassigned, mine]);
    expect(ids((await recruiter('GET', '/api/tasks?kind=SCHEDULE')).body)).toEqual([nextWeek]);
    expect(ids((await recruiter('GET', `/api/tasks?kind=REVIEW&jobId=${jobA}&due=week&assignee=me`)).body)).toEqual([overdue, today]);
  });

  test('keyset pages cover every task once, across the null due times', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await recruiter('GET', `/api/tasks?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...ids(res.body));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect((await recruiter('GET', '/api/tasks?limit=3&counts=false')).body.counts).toBeNull();
    expect(seen).toEqual([overdue, today, otherJob, nextWeek, unassigned, mine, later, noDue]);
  });

  test('people outside the recruiting team see only their own tasks', async () => {
    const own = (await task({ title: 'interviewer task', assigneeId: org.userIds.interviewer, dueAt: new Date(Date.now() + H) })).id;
    expect(ids((await interviewer('GET', '/api/tasks')).body)).toEqual([own]);
    expect((await interviewer('GET', `/api/tasks?assignee=${org.userIds.recruiter}`)).status).toBe(403);
    await t.prisma.task.delete({ where: { id: own } });
  });

  test(`past ${COUNT_CAP} open tasks the counts stop, as lower bounds, while the overdue ones (due first) stay exact`, async () => {
    const other = await createTestOrg(t.prisma);
    const now = Date.now();
    await t.prisma.task.createMany({
      data: Array.from({ length: COUNT_CAP + 20 }, (_, i) => ({
        orgId: other.orgId, kind: 'TODO' as const, title: `bulk ${i}`, assigneeId: other.userIds.recruiter, idempotencyKey: `bulk-${now}-${i}`,
        dueAt: new Date(i < 3 ? now - H * (i + 1) : now + 30 * 24 * H + i * 1000),
      })),
    });
    const res = await apiClient(t.url, other.tokens.recruiter)('GET', '/api/tasks?assignee=me');
    expect(res.body.counts).toEqual({ open: COUNT_CAP, overdue: 3, dueToday: 0, snoozed: 0, isCapped: true });
    expect(res.body.tasks).toHaveLength(50);
  });

  test('bad filters are refused with the field', async () => {
    for (const [q, path] of [['due=yesterday', 'query.due'], ['kind=NAP', 'query.kind'], ['limit=0', 'query.limit'], ['timeZone=Mars/Olympus', 'query.timeZone'], ['cursor=bm9wZQ', 'query.cursor'], ['sort=desc', 'query']] as const) {
      const res = await recruiter('GET', `/api/tasks?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
    }
  });
});

describe('claim, snooze, reassign', () => {
  test('claiming a role task makes it mine; a second claimer is refused; audit has before/after', async () => {
    const x = await task({ assigneeId: null, assigneeRole: 'RECRUITER', dueAt: new Date(Date.now() + H) });
    const res = await recruiter('POST', `/api/tasks/${x.id}/claim`);
    expect(res.status).toBe(200);
    const row = await t.prisma.task.findUniqueOrThrow({ where: { id: x.id } });
    expect(row).toMatchObject({ assigneeId: org.userIds.recruiter, claimedById: org.userIds.recruiter });
    expect(row.claimedAt).not.toBeNull();
    expect((await admin('POST', `/api/tasks/${x.id}/claim`)).status).toBe(409);
    const [audit] = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, entityType: 'Task', entityId: x.id, action: 'task.claimed' } });
    expect(audit).toMatchObject({ actorType: 'USER', actorId: org.userIds.recruiter, before: { assigneeId: null, claimedById: null }, after: { assigneeId: org.userIds.recruiter, claimedById: org.userIds.recruiter } });
    // An interviewer cannot take a recruiter's role task.
    const y = await task({ assigneeId: null, assigneeRole: 'RECRUITER' });
    expect((await interviewer('POST', `/api/tasks/${y.id}/claim`)).status).toBe(403);
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: y.id } })).assigneeId).toBeNull();
  });

  test('a snoozed task leaves the open inbox until then and is counted as snoozed; waking it brings it back', async () => {
    const x = await task({ title: 'snooze me', dueAt: new Date(Date.now() + 5 * H) });
    const until = new Date(Date.now() + 24 * H);
    const res = await recruiter('POST', `/api/tasks/${x.id}/snooze`, { until: until.toISOString() });
    expect(res.status).toBe(200);
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: x.id } })).snoozedUntil?.toISOString()).toBe(until.toISOString());
    const open = await recruiter('GET', '/api/tasks?limit=200');
    expect(ids(open.body)).not.toContain(x.id);
    expect(open.body.counts.snoozed).toBe(1);
    expect(ids((await recruiter('GET', '/api/tasks?state=snoozed')).body)).toEqual([x.id]);
    const [audit] = await t.prisma.auditEvent.findMany({ where: { entityId: x.id, action: 'task.snoozed' } });
    expect(audit!.before).toEqual({ snoozedUntil: null });
    expect(audit!.after).toEqual({ snoozedUntil: until.toISOString() });

    expect((await recruiter('POST', `/api/tasks/${x.id}/snooze`, { until: null })).status).toBe(200);
    expect(ids((await recruiter('GET', '/api/tasks?limit=200')).body)).toContain(x.id);
  });

  test('snooze refuses the past, over 90 days, and unknown fields, writing nothing', async () => {
    const x = await task({ title: 'not snoozed' });
    for (const [body, path] of [
      [{ until: new Date(Date.now() - H).toISOString() }, 'body.until'],
      [{ until: new Date(Date.now() + 91 * 24 * H).toISOString() }, 'body.until'],
      [{ until: 'soon' }, 'body.until'],
      [{ until: null, forever: true }, 'body'],
    ] as const) {
      const res = await recruiter('POST', `/api/tasks/${x.id}/snooze`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
    }
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: x.id } })).snoozedUntil).toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { entityId: x.id } })).toBe(0);
  });

  test('reassigning hands the task over; unknown users, other orgs and closed tasks are refused', async () => {
    const x = await task({ title: 'hand over' });
    const res = await recruiter('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: org.userIds.admin, note: 'on leave' });
    expect(res.status).toBe(200);
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: x.id } })).assigneeId).toBe(org.userIds.admin);
    const [audit] = await t.prisma.auditEvent.findMany({ where: { entityId: x.id, action: 'task.reassigned' } });
    expect(audit).toMatchObject({ before: { assigneeId: org.userIds.recruiter }, after: { assigneeId: org.userIds.admin, note: 'on leave' } });

    const other = await createTestOrg(t.prisma);
    const bad = await recruiter('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: other.userIds.recruiter });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.assigneeId');
    // Another organization's task is not found.
    expect((await apiClient(t.url, other.tokens.admin)('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: other.userIds.recruiter })).status).toBe(404);
    // An interviewer cannot move someone else's task.
    expect((await interviewer('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: org.userIds.interviewer })).status).toBe(403);
    await t.prisma.task.update({ where: { id: x.id }, data: { status: 'COMPLETED' } });
    expect((await admin('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: org.userIds.recruiter })).status).toBe(409);
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: x.id } })).assigneeId).toBe(org.userIds.admin);
  });
});

describe('audit log', () => {
  test('admins read it filtered and keyset-paged; others are refused', async () => {
    const x = await task({ title: 'audited', assigneeId: null, assigneeRole: 'RECRUITER' });
    await recruiter('POST', `/api/tasks/${x.id}/claim`);
    await recruiter('POST', `/api/tasks/${x.id}/snooze`, { until: new Date(Date.now() + H).toISOString() });
    await recruiter('POST', `/api/tasks/${x.id}/reassign`, { assigneeId: org.userIds.admin });
    const all = await admin('GET', `/api/audit?entityType=Task&entityId=${x.id}`);
    expect(all.status).toBe(200);
    expect(all.body.events.map((e: any) => e.action)).toEqual(['task.reassigned', 'task.snoozed', 'task.claimed']);
    const first = await admin('GET', `/api/audit?entityType=Task&entityId=${x.id}&limit=2`);
    const second = await admin('GET', `/api/audit?entityType=Task&entityId=${x.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.events, ...second.body.events].map((e: any) => e.id)).toEqual(all.body.events.map((e: any) => e.id));
    expect(second.body.nextCursor).toBeNull();
    const byActor = await admin('GET', `/api/audit?actorId=${org.userIds.recruiter}&action=task.claimed&from=${new Date(Date.now() - H).toISOString()}`);
    expect(byActor.body.events.map((e: any) => e.entityId)).toContain(x.id);
    expect(byActor.body.events.every((e: any) => e.actorId === org.userIds.recruiter && e.action === 'task.claimed')).toBe(true);
    expect((await recruiter('GET', '/api/audit')).status).toBe(403);
    const bad = await admin('GET', '/api/audit?entityId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.entityId');
  });
});
