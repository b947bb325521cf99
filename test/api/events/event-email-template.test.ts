// The wording of event emails, without a server: the built-in templates give
// exactly the texts the code wrote before templates existed, an organization's
// wording renders over the same variables (no HTML escaping in text emails, a
// subject stays one line), and a wording that would fail at send time is
// refused at its field.
import { checkEventEmailTemplate, DEFAULT_EVENT_EMAIL_TEMPLATES, EVENT_EMAIL_KINDS, eventEmailContext, renderEventEmail, type TEventEmailKind } from '../../../api/services/events/event-email-template';
import { eventWhen } from '../../../api/services/events/event-when';

const base = {
  name: 'Backend meetup', kind: 'meetup', description: 'Talks & **pizza**', startsAt: new Date('2026-07-14T16:00:00Z'), endsAt: new Date('2026-07-14T18:00:00Z'),
  timeZone: 'Europe/Berlin', location: 'Factory Berlin', isOnline: true, onlineUrl: 'https://meet.example.com/x',
};
const facts = { event: base, person: { firstName: 'Ada', lastName: 'Lovelace' }, orgName: 'Acme & Co', manageUrl: 'https://t.example/event-registrations/abc.def', pageUrl: 'https://t.example/events/acme/backend-meetup', checkInCode: 'code.123' };

/** The texts as registration-emails.ts built them in code before templates (kept verbatim as the reference). */
function textsBeforeTemplates(e: typeof base, f: typeof facts): Record<TEventEmailKind, { subject: string; body: string }> {
  const label = 'Meetup';
  const place = [e.location, e.isOnline ? `Online: ${e.onlineUrl}` : null].filter(Boolean).join('\n');
  const details = `${e.name}\n${label} · ${eventWhen(e)}\n${place}`;
  const hi = `Hi ${f.person.firstName},\n\n`;
  const sign = `\n\nSee you there,\n${f.orgName}`;
  const { manageUrl, pageUrl, checkInCode } = f;
  return {
    registered: { subject: `You're registered: ${e.name}`, body: `${hi}you are registered for\n\n${details}\n\nAdd it to your calendar or cancel your place: ${manageUrl}\nYour check-in code: ${checkInCode}${sign}` },
    promoted: { subject: `A place opened up: ${e.name}`, body: `${hi}good news: a place opened up and you are now registered for\n\n${details}\n\nAdd it to your calendar or cancel your place: ${manageUrl}\nYour check-in code: ${checkInCode}${sign}` },
    waitlisted: { subject: `You're on the waitlist: ${e.name}`, body: `${hi}${e.name} is full, so you are on the waitlist. If a place opens up you will get it automatically and we will email you.\n\n${details}\n\nLeave the waitlist: ${manageUrl}\n\nBest,\n${f.orgName}` },
    event_changed: { subject: `Updated: ${e.name}`, body: `${hi}${e.name} has changed. This is where and when it happens now:\n\n${details}\n\nYour calendar entry is updated with this email. Can't make it any more? Cancel your place: ${manageUrl}${sign}` },
    event_cancelled: { subject: `Cancelled: ${e.name}`, body: `${hi}we are sorry: ${e.name} (${eventWhen(e)}) has been cancelled. Your registration is void; there is nothing you need to do.\n\nEvent page: ${pageUrl}\n\nBest,\n${f.orgName}` },
  };
}

test.each([
  ['in person and online', base],
  ['in person only', { ...base, isOnline: false, onlineUrl: null }],
  ['online only, no end', { ...base, location: null, endsAt: null }],
])('the built-in templates give the texts of before, every kind (%s)', (_label, event) => {
  const f = { ...facts, event: event as typeof base };
  const before = textsBeforeTemplates(event as typeof base, f);
  for (const kind of EVENT_EMAIL_KINDS) {
    expect(renderEventEmail(DEFAULT_EVENT_EMAIL_TEMPLATES[kind], eventEmailContext(f))).toEqual({ subject: before[kind].subject, text: before[kind].body });
    expect(checkEventEmailTemplate(DEFAULT_EVENT_EMAIL_TEMPLATES[kind])).toEqual([]);
  }
});

test("an organization's wording: every variable, no HTML escaping, conditionals, a one-line subject", () => {
  const context = eventEmailContext(facts);
  const rendered = renderEventEmail(
    { subject: '{{org.name}}: {{event.name}} at {{event.place}}', body: '{{candidate.fullName}} / {{event.kind}} / {{event.when}} / {{event.description}} / {{links.manage}} / {{links.page}} / {{checkInCode}}{{#if event.place}} / here{{/if}}' },
    context,
  );
  expect(rendered.subject).toBe('Acme & Co: Backend meetup at Factory Berlin Online: https://meet.example.com/x');
  expect(rendered.text).toBe(`Ada Lovelace / Meetup / ${eventWhen(base)} / Talks & **pizza** / ${facts.manageUrl} / ${facts.pageUrl} / code.123 / here`);
});

test('a wording that would fail at send time is refused at its field, with the reason', () => {
  const ok = DEFAULT_EVENT_EMAIL_TEMPLATES.registered;
  const check = (t: { subject: string; body: string }) => checkEventEmailTemplate(t).map((p) => [p.path, p.message]);
  expect(check({ ...ok, body: 'Hi {{candidate.firstName' })).toEqual([['body.body', expect.stringMatching(/^does not compile: Parse error on line 1: Expecting 'ID', got 'INVALID'$/)]]);
  expect(check({ ...ok, subject: 'Hi {{candidate.salary}}' })).toEqual([['body.subject', expect.stringContaining('unknown variable {{candidate.salary}}')]]);
  expect(check({ ...ok, body: '{{job.title}} {{event.name}} {{links.secret}}' }).map(([path, message]) => [path, message!.slice(0, 30)])).toEqual([
    ['body.body', 'unknown variable {{job.title}}'], ['body.body', 'unknown variable {{links.secre'],
  ]);
  expect(check({ ...ok, body: '{{shout event.name}}' })).toEqual([['body.body', 'unknown helper "shout"']]);
  expect(check({ ...ok, body: '{{> footer}}' })).toEqual([['body.body', 'partials ({{> name}}) are not supported']]);
  expect(check({ ...ok, body: '{{#if}}x{{/if}}' })).toEqual([['body.body', expect.stringMatching(/^does not render: /)]]);
  // Block helpers with a new context read paths relative to it; the whole object is an available variable.
  expect(check({ ...ok, body: '{{#with event}}{{name}}{{/with}}' })).toEqual([]);
});
