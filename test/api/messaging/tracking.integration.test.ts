// Marketing email on the real stack: what the candidate receives (sender, reply
// address, tracked links, pixel, RFC 8058 headers), opens and clicks recorded
// once, a click redirect that goes only to the email's own links, one-click
// unsubscribe that holds at send time, the preference center, and forged tokens.
import { createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { sendCandidateEmail, type TSendDeps } from '../../../api/services/messaging/send-candidate-email';
import { signLinkToken } from '../../../api/services/messaging/message-tokens';
import { createProspect, linkPath, marketingEmail, sendDepsOf } from './messaging-fixtures';

let t: TestSystem;
let org: TestOrg;
let deps: TSendDeps;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  deps = sendDepsOf(t);
});
afterAll(() => t?.stop());

const get = (path: string, init: RequestInit = {}) => fetch(t.url + path, { redirect: 'manual', ...init });
const received = (email: string) => t.sink.messages().filter((m) => m.to.includes(email));

async function sendMarketing(candidate: { id: string; email: string | null }, over = {}) {
  const result = await sendCandidateEmail(deps, marketingEmail(org.orgId, candidate.id, over));
  return { result, mail: result.status === 'SENT' ? (await t.sink.waitFor((m) => m.messageId === `<${result.messageId}@trellis>`))[0]! : null };
}

test('a marketing email goes out as the sending recruiter, with a reply address, tracked links, a pixel and one-click unsubscribe', async () => {
  const ada = await createProspect(t, org.orgId);
  const { result, mail } = await sendMarketing(ada, { sender: { userId: org.userIds.recruiter } });
  expect(result.status).toBe('SENT');
  expect(mail!.subject).toBe(`Roles at Org ${org.slug}`);
  expect(mail!.headers.from).toBe(`"recruiter ${org.slug}" <recruiter@${org.slug}.test>`);
  expect(mail!.headers['reply-to']).toMatch(new RegExp(`^reply\\+${result.messageId}\\.[0-9a-f]{26}@trellis\\.localhost$`));
  expect(mail!.from).toMatch(/^bounce\+/);
  expect(mail!.headers['list-unsubscribe']!.replace(/\s+/g, ' ')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/u\/[^>]+>, <mailto:unsubscribe\+[^>]+@trellis\.localhost\?subject=unsubscribe>$/);
  expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  expect(mail!.text).toContain('Hi Ada, see http://127.0.0.1');
  expect(mail!.text).not.toContain('https://jobs.example/open');
  expect(linkPath(mail!.html!, '/t/o/')).toMatch(/\.gif$/);
  expect(mail!.text).toContain('Unsubscribe: ');

  const stored = await t.prisma.message.findUniqueOrThrow({ where: { id: result.messageId } });
  expect(stored).toMatchObject({ status: 'SENT', category: 'MARKETING', topic: 'jobs', toAddress: ada.email, links: ['https://jobs.example/open?team=1'] });
  expect(await t.prisma.engagementEvent.findMany({ where: { candidateId: ada.id }, select: { kind: true, messageId: true } })).toEqual([{ kind: 'SENT', messageId: result.messageId }]);
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } })).lastContactedAt).toEqual(stored.sentAt);

  // The same key again: the recorded result, no second email.
  expect(await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { idempotencyKey: stored.idempotencyKey }))).toEqual({ messageId: result.messageId, status: 'SENT' });
  expect(received(ada.email!)).toHaveLength(1);
});

test('opens and clicks are recorded once each; the redirect goes only to the email\'s own links', async () => {
  const ada = await createProspect(t, org.orgId);
  const { result, mail } = await sendMarketing(ada);
  const pixel = await get(linkPath(mail!.html!, '/t/o/'));
  expect(pixel.status).toBe(200);
  expect(pixel.headers.get('content-type')).toBe('image/gif');
  expect((await pixel.arrayBuffer()).byteLength).toBe(42);
  await get(linkPath(mail!.html!, '/t/o/'));

  const click = linkPath(mail!.text, '/t/c/');
  const redirect = await get(click);
  expect(redirect.status).toBe(302);
  expect(redirect.headers.get('location')).toBe('https://jobs.example/open?team=1');
  expect((await get(click)).status).toBe(302);

  const message = await t.prisma.message.findUniqueOrThrow({ where: { id: result.messageId } });
  expect(message.openedAt).not.toBeNull();
  expect(message.clickedAt).not.toBeNull();
  const events = await t.prisma.engagementEvent.findMany({ where: { candidateId: ada.id }, orderBy: { at: 'asc' } });
  expect(events.map((e) => [e.kind, e.linkIndex])).toEqual([['SENT', null], ['OPENED', null], ['CLICKED', 0]]);
  const profile = await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } });
  expect(profile.engagementScore).toBe(6);
  expect(profile.lastEngagedAt).not.toBeNull();

  // A tampered index, a signed index the email does not have, an open token on the click route: refused, nothing recorded.
  const [id, , mac] = click.slice('/t/c/'.length).split('.');
  for (const path of [`/t/c/${id}.1.${mac}`, `/t/c/${signLinkToken(deps.linkSigningKey, 'click', result.messageId, 5)}`, `/t/c/${signLinkToken(deps.linkSigningKey, 'open', result.messageId)}`]) {
    const refused = await get(path);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('location')).toBeNull();
  }
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'CLICKED' } })).toBe(1);
});

test('unsubscribe: GET asks and changes nothing; a cookieless POST unsubscribes; the next marketing email is suppressed at send time', async () => {
  const ada = await createProspect(t, org.orgId);
  const { mail } = await sendMarketing(ada);
  const unsubscribe = new URL(/<(http[^>]+)>/.exec(mail!.headers['list-unsubscribe']!)![1]!).pathname;

  const page = await get(unsubscribe);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(`<form method="post" action="${unsubscribe}">`);
  expect(html).toContain('a***@example.com');
  expect(await t.prisma.contactPreference.count({ where: { candidateId: ada.id } })).toBe(0);

  // What a mail client's one-click does (RFC 8058): a POST with this body and no cookies.
  const posted = await get(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(posted.status).toBe(200);
  expect(await posted.text()).toContain('You are unsubscribed');
  expect(await t.prisma.contactPreference.findMany({ where: { candidateId: ada.id }, select: { topic: true, isSubscribed: true } })).toEqual([{ topic: 'all', isSubscribed: false }]);
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'UNSUBSCRIBED' } })).toBe(1);
  expect(await t.prisma.auditEvent.count({ where: { entityId: ada.id, action: 'candidate.contact_preferences_changed', actorType: 'CANDIDATE' } })).toBe(1);
  // Twice is once.
  expect((await get(unsubscribe, { method: 'POST' })).status).toBe(200);
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'UNSUBSCRIBED' } })).toBe(1);

  const before = received(ada.email!).length;
  const next = await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'events' }));
  expect(next).toMatchObject({ status: 'SUPPRESSED', policyReason: 'unsubscribed' });
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: next.messageId } })).toMatchObject({ status: 'SUPPRESSED', policyReason: 'unsubscribed', sentAt: null });
  // Transactional mail (about an application) still reaches them.
  const receipt = await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { category: 'TRANSACTIONAL' }));
  expect(receipt.status).toBe('SENT');
  await t.sink.waitFor((m) => m.messageId === `<${receipt.messageId}@trellis>`);
  expect(received(ada.email!)).toHaveLength(before + 1);
});

test('the preference center shows the topics and saves a form post; unsubscribing from all and coming back', async () => {
  const ada = await createProspect(t, org.orgId);
  const { mail } = await sendMarketing(ada);
  const center = linkPath(mail!.text, '/preferences/');
  const page = await (await get(center)).text();
  for (const topic of ['jobs', 'events', 'newsletter']) expect(page).toContain(`name="topic:${topic}" value="on" checked`);

  const form = (body: string) => get(center, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const saved = await form('topic%3Aevents=on&action=save');
  expect(saved.status).toBe(200);
  expect(await saved.text()).toContain('Your choices are saved.');
  const prefs = async () => Object.fromEntries((await t.prisma.contactPreference.findMany({ where: { candidateId: ada.id } })).map((p) => [p.topic, p.isSubscribed]));
  expect(await prefs()).toEqual({ all: true, jobs: false, events: true, newsletter: false });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'jobs' }))).status).toBe('SUPPRESSED');
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'events' }))).status).toBe('SENT');

  await form('action=unsubscribe_all');
  expect((await prefs()).all).toBe(false);
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'events' }))).policyReason).toBe('unsubscribed');

  // The JSON side, for the UI: masked address; unknown topics refused with their path; coming back.
  const token = center.slice('/preferences/'.length);
  const json = await (await get(`/api/public/preferences/${token}`)).json();
  expect(json).toMatchObject({ organization: `Org ${org.slug}`, email: 'a***@example.com', isSubscribedToAll: false });
  const bad = await get(`/api/public/preferences/${token}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ topics: { cooking: true } }) });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error.details[0].path).toBe('body.topics.cooking');
  const back = await get(`/api/public/preferences/${token}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ isSubscribedToAll: true, topics: { jobs: true } }) });
  expect(back.status).toBe(200);
  expect(await prefs()).toEqual({ all: true, jobs: true, events: true, newsletter: false });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'jobs' }))).status).toBe('SENT');
});

test('forged, tampered and re-purposed tokens are refused everywhere and change nothing', async () => {
  const ada = await createProspect(t, org.orgId);
  const { result } = await sendMarketing(ada);
  const preferencesToken = signLinkToken(deps.linkSigningKey, 'preferences', ada.id);
  const otherKeyToken = signLinkToken('another-key-that-is-long-enough-to-sign', 'unsubscribe', result.messageId);
  const requests: [string, RequestInit?][] = [
    ['/u/forged-token'], ['/u/forged-token', { method: 'POST' }], [`/u/${preferencesToken}`, { method: 'POST' }], [`/u/${otherKeyToken}`, { method: 'POST' }],
    ['/preferences/forged-token'], [`/preferences/${signLinkToken(deps.linkSigningKey, 'unsubscribe', result.messageId)}`],
    ['/t/o/forged-token.gif'], [`/t/o/${signLinkToken(deps.linkSigningKey, 'open', result.messageId)}`], ['/t/c/forged-token'],
    ['/api/public/preferences/forged-token'],
  ];
  for (const [path, init] of requests) expect([path, (await get(path, init)).status]).toEqual([path, 404]);
  expect(await t.prisma.contactPreference.count({ where: { candidateId: ada.id } })).toBe(0);
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id } })).toBe(1);
});
