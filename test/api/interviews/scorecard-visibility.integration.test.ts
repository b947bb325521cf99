// The panel's independence rule holds on every route that returns scorecards:
// a hiring manager who sits on the panel reads the other panelists' feedback
// neither from the scorecards list nor from the application itself until they
// have submitted their own; a hiring manager off the panel reads it all.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant, createHiringJob } from '../../support/fixtures';
import { addOrgUser } from '../../support/org-users';

let t: TestSystem;
let org: TestOrg;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
});
afterAll(() => t?.stop());

test('a hiring manager on the panel sees others\' scorecards only after submitting; off the panel, at once', async () => {
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const interviewer = apiClient(t.url, org.tokens.interviewer);
  const onPanel = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm-panel', 'Panel Manager');
  const offPanel = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm-off', 'Deciding Manager');
  const { jobId } = await createHiringJob(recruiter);
  await t.prisma.jobMember.createMany({ data: [{ jobId, userId: onPanel.id, role: 'HIRING_MANAGER' }, { jobId, userId: offPanel.id, role: 'HIRING_MANAGER' }] });
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const booked = await recruiter('POST', '/api/interviews', {
    applicationId: app.id, startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), durationMinutes: 60,
    participants: [{ userId: org.userIds.interviewer }, { userId: onPanel.id }],
  });
  expect(booked.status).toBe(201);
  const card = await interviewer('POST', `/api/interviews/${booked.body.id}/scorecards`, { recommendation: 'no', ratings: {}, notes: 'weak on systems design' });
  expect(card.status).toBe(201);

  const manager = apiClient(t.url, onPanel.token);
  const application = await manager('GET', `/api/applications/${app.id}`);
  expect(application.status).toBe(200);
  expect(application.body.scorecards).toEqual([]);
  expect(JSON.stringify(application.body)).not.toContain('weak on systems design');
  expect((await manager('GET', `/api/applications/${app.id}/scorecards`)).body).toMatchObject({ isOthersHidden: true, hiddenCount: 1, scorecards: [] });

  expect((await manager('POST', `/api/interviews/${booked.body.id}/scorecards`, { recommendation: 'yes', ratings: {} })).status).toBe(201);
  const after = await manager('GET', `/api/applications/${app.id}`);
  expect(after.body.scorecards.map((c: { interviewerId: string }) => c.interviewerId).sort()).toEqual([org.userIds.interviewer, onPanel.id].sort());
  // The interviewer, having submitted, now reads the manager's too.
  expect((await interviewer('GET', `/api/applications/${app.id}`)).body.scorecards).toHaveLength(2);

  // Off the panel, the other hiring manager decides with everything in view.
  expect((await apiClient(t.url, offPanel.token)('GET', `/api/applications/${app.id}`)).body.scorecards).toHaveLength(2);
});
