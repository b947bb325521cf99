// The engagement score in the database matches the documented weights and decay:
// the decay sweep rewrites a stale score to what engagementScore() computes.
import { createTestOrg, startTestSystem, type TestSystem } from '../../support/harness';
import { engagementScore } from '../../../api/services/engagement/engagement-score';
import { recordEngagement } from '../../../api/services/engagement/record-engagement';

const DAY = 86_400_000;
let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

test('the decay sweep rewrites stale scores to the weights and half-life of engagementScore()', async () => {
  const org = await createTestOrg(t.prisma);
  const ada = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Ada', lastName: 'Score', engagementScore: 99 } });
  const untouched = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Zed', lastName: 'Zero' } });
  const now = Date.now();
  const events = [{ kind: 'CLICKED' as const, at: now - 20 * DAY }, { kind: 'REPLIED' as const, at: now - 2 * DAY }, { kind: 'ATTENDED' as const, at: now - 400 * DAY }];
  for (const [i, e] of events.entries()) {
    await t.prisma.engagementEvent.create({ data: { orgId: org.orgId, candidateId: ada.id, kind: e.kind, at: new Date(e.at), dedupeKey: `test:${ada.id}:${i}` } });
  }
  const result = await t.system.services!.periodicJobs!.runNow('engagement-score-decay') as { updated: number };
  expect(result.updated).toBeGreaterThanOrEqual(1);
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } })).engagementScore).toBe(engagementScore(events, now));
  expect(engagementScore(events, now)).toBe(17);
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: untouched.id } })).engagementScore).toBe(0);
});

test('recording a fact once updates the score and lastEngagedAt; the same fact again changes nothing', async () => {
  const org = await createTestOrg(t.prisma);
  const ada = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Ada', lastName: 'Fact' } });
  const fact = { orgId: org.orgId, candidateId: ada.id, kind: 'APPLIED' as const, dedupeKey: `applied:${ada.id}` };
  expect(await recordEngagement(t.system.services!.pool, fact)).toBe(true);
  expect(await recordEngagement(t.system.services!.pool, fact)).toBe(false);
  const after = await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } });
  expect(after.engagementScore).toBe(25);
  expect(after.lastEngagedAt).not.toBeNull();
  // An open moves the score a little and is not "engaged".
  await recordEngagement(t.system.services!.pool, { ...fact, kind: 'OPENED', dedupeKey: `open:${ada.id}` });
  const opened = await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } });
  expect(opened.engagementScore).toBe(26);
  expect(opened.lastEngagedAt).toEqual(after.lastEngagedAt);
});
