// The CRM's two "done when" journeys on the real stack (PostgreSQL, Temporal, SMTP both ways):
// 1. A prospect runs through a nurture campaign: two emails read in the SMTP sink, a click on the tracked
//    link of the first, a reply sent over SMTP to the reply address of the second; the reply exits the
//    campaign; a hand-off starts the hiring pipeline; the profile's timeline shows it all in order.
// 2. The one-click unsubscribe (RFC 8058: a POST without cookies) from campaign A's email stops the email
//    campaign B has already scheduled (B's run waiting on a timer): nothing from B reaches the sink.
import nodemailer from 'nodemailer';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createCampaign, createNurturePipeline, createPool, createProspects } from '../../support/campaign-fixtures';
import { createHiringJob } from '../../support/fixtures';
import type { TGraph } from '../../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let inbound: ReturnType<typeof nodemailer.createTransport>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  inbound = nodemailer.createTransport({ host: '127.0.0.1', port: t.system.inboundMail!.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  inbound?.close();
  await t?.stop();
});

const workflowStatus = async (workflowId: string) => (await (await t.system.services!.temporal()).workflow.getHandle(workflowId).describe()).status.name;
const mailTo = (email: string) => t.sink.messages().filter((m) => m.to.includes(email));
/** The path of the first link in `text` that starts with `prefix` ("/t/c/", "/u/"). */
function linkPath(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^\\s"<>]*(${prefix.replace(/[/.]/g, '\\$&')}[^\\s"<>]+)`).exec(text);
  if (!m) throw new Error(`no ${prefix} link in the email`);
  return m[1]!;
}

async function activeCampaign(graph: Parameters<typeof createNurturePipeline>[1], candidateIds: string[]) {
  const pipelineId = await createNurturePipeline(recruiter, graph);
  const poolId = await createPool(t.prisma, org.orgId, candidateIds);
  const campaign = await createCampaign(recruiter, { pipelineId, poolId, senderUserId: org.userIds.recruiter });
  const activated = await recruiter('POST', `/api/campaigns/${campaign.id}/activate`);
  expect(activated.status).toBe(200);
  return campaign;
}

test('a prospect through a nurture campaign: two emails, a click, a reply that exits the campaign, a hand-off that starts the hiring pipeline, all on the timeline in order', async () => {
  const [prospect] = await createProspects(t.prisma, org.orgId, 1);
  const campaign = await activeCampaign({ gap: { seconds: 6 }, link: 'https://careers.example/teams/platform' }, [prospect!.id]);

  // First email, as the recruiter, with a tracked link: the click lands on the real page.
  const [intro] = await waitFor('the introduction', async () => (mailTo(prospect!.email).length >= 1 ? mailTo(prospect!.email) : null));
  expect(intro!.headers.from).toContain(`recruiter@${org.slug}.test`);
  expect(intro!.text).not.toContain('https://careers.example/teams/platform');
  const click = await fetch(t.url + linkPath(intro!.text, '/t/c/'), { redirect: 'manual' });
  expect(click.status).toBe(302);
  expect(click.headers.get('location')).toBe('https://careers.example/teams/platform');

  // Second email after the gap; the candidate answers it from their mail client.
  const followUp = (await waitFor('the follow-up', async () => (mailTo(prospect!.email).length >= 2 ? mailTo(prospect!.email) : null), 30_000))[1]!;
  expect(followUp.subject).toContain('Following up');
  const run = await waitFor('the run to wait for the recruiter task', async () => {
    const r = await t.prisma.run.findFirstOrThrow({ where: { campaignId: campaign.id, candidateId: prospect!.id } });
    return r.currentNodeId === 'reach_out' ? r : null;
  });
  await inbound.sendMail({
    from: prospect!.email, to: followUp.headers['reply-to'], subject: `Re: ${followUp.subject}`,
    text: 'Happy to talk! Tuesday afternoon works for me.', inReplyTo: followUp.messageId ?? undefined,
  });

  // The reply ends the campaign where it waited: EXITED in the database, completed in Temporal, its task cancelled.
  const exited = await waitFor('the campaign run to exit', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    return r.status === 'EXITED' ? r : null;
  });
  expect(exited.exitReason).toBe('candidate.replied');
  await waitFor('Temporal to report the run completed', async () => (await workflowStatus(run.workflowId)) === 'COMPLETED');
  expect(await t.prisma.task.findFirst({ where: { runId: run.id } })).toMatchObject({ status: 'CANCELLED' });
  const reply = await t.prisma.message.findFirstOrThrow({ where: { candidateId: prospect!.id, direction: 'INBOUND' } });
  expect(reply.bodyText).toContain('Tuesday afternoon');

  // Hand-off: the same person becomes an applicant; Temporal runs the job's hiring pipeline for them.
  const { jobId } = await createHiringJob(recruiter);
  const handOff = await recruiter('POST', `/api/candidates/${prospect!.id}/hand-off`, { jobId, note: 'Replied to the nurture; screen this week.' });
  expect(handOff.status).toBe(201);
  await waitFor('the hiring run to start', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: handOff.body.run.id } })).status === 'RUNNING');
  expect(await workflowStatus(handOff.body.run.workflowId)).toBe('RUNNING');

  // The profile's timeline, oldest first: enrolled, first email, click, second email, reply, exit, application.
  const timeline = await recruiter('GET', `/api/candidates/${prospect!.id}/timeline?limit=100`);
  expect(timeline.status).toBe(200);
  const entries = [...(timeline.body.entries as { kind: string; data: Record<string, unknown> }[])].reverse();
  const story = entries.filter((e) => ['campaign.enrolled', 'message.sent', 'engagement.clicked', 'message.received', 'engagement.replied', 'campaign.exited', 'application.created'].includes(e.kind));
  const sentSubjects = story.filter((e) => e.kind === 'message.sent').map((e) => e.data.subject);
  expect(sentSubjects.slice(0, 2)).toEqual([intro!.subject, followUp.subject]);
  const order = story.map((e) => (e.kind === 'message.sent' ? `sent:${e.data.subject === intro!.subject ? 'intro' : e.data.subject === followUp.subject ? 'follow-up' : 'other'}` : e.kind));
  const first = (kind: string) => order.indexOf(kind);
  expect(first('campaign.enrolled')).toBe(0);
  expect(first('sent:intro')).toBeGreaterThan(first('campaign.enrolled'));
  expect(first('engagement.clicked')).toBeGreaterThan(first('sent:intro'));
  expect(first('sent:follow-up')).toBeGreaterThan(first('engagement.clicked'));
  expect(first('engagement.replied')).toBeGreaterThan(first('sent:follow-up'));
  expect(first('message.received')).toBeGreaterThan(first('sent:follow-up'));
  expect(first('campaign.exited')).toBeGreaterThan(first('engagement.replied'));
  expect(first('application.created')).toBeGreaterThan(first('campaign.exited'));
  expect(story.find((e) => e.kind === 'campaign.exited')!.data).toMatchObject({ campaignId: campaign.id, exitReason: 'candidate.replied' });
  expect(story.find((e) => e.kind === 'application.created')!.data).toMatchObject({ source: 'crm' });

  const stats = await recruiter('GET', `/api/campaigns/${campaign.id}/stats`);
  expect(stats.body).toMatchObject({
    enrollments: { enrolled: 1, exitedBy: { 'candidate.replied': 1 } },
    messages: { sent: 2 },
    people: { reached: 1, clicked: 1, replied: 1, converted: 1 },
  });
});

test("the one-click unsubscribe from campaign A's email stops the email campaign B has already scheduled", async () => {
  const [person] = await createProspects(t.prisma, org.orgId, 1);
  // B: wait on a timer, then a marketing email.
  const scheduled: TGraph = {
    nodes: [
      { id: 'enrolled', type: 'trigger.campaign_enrolled', typeVersion: 1, config: {} },
      { id: 'later', type: 'time.wait', typeVersion: 1, config: { duration: { seconds: 8 } } },
      { id: 'news', type: 'message.send_email', typeVersion: 1, config: { subject: 'Campaign B news', body: 'Hi {{candidate.firstName}}, news from B.', category: 'MARKETING' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [{ source: 'enrolled', sourcePort: 'out', target: 'later' }, { source: 'later', sourcePort: 'out', target: 'news' }, { source: 'news', sourcePort: 'out', target: 'end' }],
    settings: { exitOn: ['candidate.applied', 'candidate.unsubscribed', 'candidate.hired'] },
  };
  const campaignB = await activeCampaign(scheduled, [person!.id]);
  const runB = await waitFor("B's run to wait on its timer", async () => {
    const r = await t.prisma.run.findFirst({ where: { campaignId: campaignB.id, candidateId: person!.id } });
    return r?.currentNodeId === 'later' ? r : null;
  });
  await activeCampaign({ gap: { days: 7 } }, [person!.id]);
  const [fromA] = await waitFor("A's introduction", async () => (mailTo(person!.email).length ? mailTo(person!.email) : null));
  expect(fromA!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

  // What a mail client does for one-click: POST the List-Unsubscribe URL, no cookie, no session.
  // (The test system listens on a port chosen at start, so the link's path is sent to it.)
  const url = /<(https?:\/\/[^>]+\/u\/[^>]+)>/.exec(fromA!.headers['list-unsubscribe']!)![1]!;
  const unsubscribed = await fetch(t.url + new URL(url).pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(unsubscribed.status).toBeLessThan(300);

  const exited = await waitFor("B's run to exit", async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runB.id } });
    return r.status === 'EXITED' ? r : null;
  });
  expect(exited.exitReason).toBe('candidate.unsubscribed');
  // Past B's timer, with room to spare: nothing from B was sent or recorded as sent.
  await new Promise((r) => setTimeout(r, 9_000));
  expect(mailTo(person!.email).map((m) => m.subject)).toEqual([fromA!.subject]);
  expect(await t.prisma.message.count({ where: { campaignId: campaignB.id, status: 'SENT' } })).toBe(0);
});
