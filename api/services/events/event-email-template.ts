// The wording of event emails as Handlebars templates: the built-in texts, the
// variables a template may use, the checks an organization's own wording must
// pass before it is stored, and the one renderer for both. Pure: the send path
// (registration-emails.ts) and the settings API (event-email-templates.ts) use it.
import Handlebars from 'handlebars';
import type { ErrorDetail } from '../../errors';
import { TemplateError, isVariableAvailable, templateVariables } from '../../../workflows/graph/template-variables';
import { EVENT_KIND_LABELS, type TEventKind } from './event-input';
import type { TEventRow } from './event-record';
import { eventWhen } from './event-when';

export const EVENT_EMAIL_KINDS = ['registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled'] as const;
export type TEventEmailKind = (typeof EVENT_EMAIL_KINDS)[number];

/** Every variable of every kind of event email, with what it holds (the settings page lists them). */
export const EVENT_EMAIL_VARIABLES = [
  { name: 'candidate.firstName', description: 'The registrant\'s first name' },
  { name: 'candidate.lastName', description: 'The registrant\'s last name' },
  { name: 'candidate.fullName', description: 'First and last name' },
  { name: 'event.name', description: 'The event\'s name' },
  { name: 'event.kind', description: 'Its kind: Career fair, Meetup, Webinar, Open house, Info session' },
  { name: 'event.when', description: 'Date and time on the event\'s clock, e.g. "Tuesday 14 July 2026, 18:00–20:00 (Europe/Berlin)"' },
  { name: 'event.place', description: 'The venue and/or "Online: <link>", one per line' },
  { name: 'event.description', description: 'The event\'s description (Markdown source)' },
  { name: 'links.manage', description: 'The registrant\'s own page: add to calendar, cancel' },
  { name: 'links.page', description: 'The event\'s public page' },
  { name: 'checkInCode', description: 'The code to show at the door' },
  { name: 'org.name', description: 'The organization\'s name' },
] as const;
const AVAILABLE: ReadonlySet<string> = new Set(EVENT_EMAIL_VARIABLES.map((v) => v.name));

export interface TEventEmailTemplate {
  subject: string;
  body: string;
}

const HI = 'Hi {{candidate.firstName}},\n\n';
const DETAILS = '{{event.name}}\n{{event.kind}} · {{event.when}}\n{{event.place}}';
const SEE_YOU = '\n\nSee you there,\n{{org.name}}';
const MANAGE = 'Add it to your calendar or cancel your place: {{links.manage}}\nYour check-in code: {{checkInCode}}';

/** The built-in wording, used when an organization has not written its own (no EventEmailTemplate row). */
export const DEFAULT_EVENT_EMAIL_TEMPLATES: Record<TEventEmailKind, TEventEmailTemplate> = {
  registered: {
    subject: "You're registered: {{event.name}}",
    body: `${HI}you are registered for\n\n${DETAILS}\n\n${MANAGE}${SEE_YOU}`,
  },
  waitlisted: {
    subject: "You're on the waitlist: {{event.name}}",
    body: `${HI}{{event.name}} is full, so you are on the waitlist. If a place opens up you will get it automatically and we will email you.\n\n${DETAILS}\n\nLeave the waitlist: {{links.manage}}\n\nBest,\n{{org.name}}`,
  },
  promoted: {
    subject: 'A place opened up: {{event.name}}',
    body: `${HI}good news: a place opened up and you are now registered for\n\n${DETAILS}\n\n${MANAGE}${SEE_YOU}`,
  },
  event_changed: {
    subject: 'Updated: {{event.name}}',
    body: `${HI}{{event.name}} has changed. This is where and when it happens now:\n\n${DETAILS}\n\nYour calendar entry is updated with this email. Can't make it any more? Cancel your place: {{links.manage}}${SEE_YOU}`,
  },
  event_cancelled: {
    subject: 'Cancelled: {{event.name}}',
    body: `${HI}we are sorry: {{event.name}} ({{event.when}}) has been cancelled. Your registration is void; there is nothing you need to do.\n\nEvent page: {{links.page}}\n\nBest,\n{{org.name}}`,
  },
};

export interface TEventEmailContext {
  candidate: { firstName: string; lastName: string; fullName: string };
  event: { name: string; kind: string; when: string; place: string; description: string };
  links: { manage: string; page: string };
  checkInCode: string;
  org: { name: string };
}

export interface TEventEmailFacts {
  event: Pick<TEventRow, 'name' | 'kind' | 'description' | 'startsAt' | 'endsAt' | 'timeZone' | 'location' | 'isOnline' | 'onlineUrl'>;
  person: { firstName: string; lastName: string };
  orgName: string;
  manageUrl: string;
  pageUrl: string;
  checkInCode: string;
}

/** The variables of one registration's email: every one always present (empty, never missing). */
export function eventEmailContext(f: TEventEmailFacts): TEventEmailContext {
  const e = f.event;
  return {
    candidate: { firstName: f.person.firstName, lastName: f.person.lastName, fullName: `${f.person.firstName} ${f.person.lastName}`.trim() },
    event: {
      name: e.name,
      kind: EVENT_KIND_LABELS[e.kind as TEventKind] ?? 'Event',
      when: eventWhen(e),
      place: [e.location, e.isOnline ? `Online: ${e.onlineUrl}` : null].filter(Boolean).join('\n'),
      description: e.description,
    },
    links: { manage: f.manageUrl, page: f.pageUrl },
    checkInCode: f.checkInCode,
    org: { name: f.orgName },
  };
}

/** A made-up registration for previews: the organization's name, everything else an example. */
export function sampleEventEmailContext(orgName: string, baseUrl: string): TEventEmailContext {
  return eventEmailContext({
    event: {
      name: 'Backend meetup', kind: 'meetup', description: 'Talks, pizza and a tour of the office.', startsAt: new Date('2026-07-14T16:00:00Z'), endsAt: new Date('2026-07-14T18:00:00Z'),
      timeZone: 'Europe/Berlin', location: 'Factory Berlin, Rheinsberger Str. 76', isOnline: false, onlineUrl: null,
    },
    person: { firstName: 'Ada', lastName: 'Lovelace' }, orgName,
    manageUrl: `${baseUrl}/event-registrations/sample-link`, pageUrl: `${baseUrl}/events/sample/backend-meetup`, checkInCode: 'sample-check-in-code',
  });
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Text emails: nothing is HTML-escaped (the send path escapes when it builds the HTML part), as for pipeline messages. */
function render(template: string, context: TEventEmailContext): string {
  let fn = compiled.get(template);
  if (!fn) {
    fn = Handlebars.compile(template, { noEscape: true, strict: false });
    if (compiled.size > 500) compiled.clear();
    compiled.set(template, fn);
  }
  return fn(context);
}

/** The subject and text of one email; a subject stays one line whatever a variable holds. */
export function renderEventEmail(template: TEventEmailTemplate, context: TEventEmailContext): { subject: string; text: string } {
  return { subject: render(template.subject, context).replace(/\s*[\r\n]+\s*/g, ' ').trim(), text: render(template.body, context) };
}

/** Handlebars' parse errors quote the line with a caret between "where" and "what": keep where and what. */
function firstAndLastLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? message);
}

/**
 * Problems of an organization's wording, each at its field (body.subject,
 * body.body): Handlebars that does not compile, a variable event emails do not
 * have, a helper or partial that does not exist at send time, a template that
 * fails on a sample registration. Empty when it may be stored.
 */
export function checkEventEmailTemplate(template: TEventEmailTemplate): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const field of ['subject', 'body'] as const) {
    const path = `body.${field}`;
    let used: string[];
    try {
      used = templateVariables(template[field]);
    } catch (err) {
      const reason = err instanceof TemplateError ? err.message : `does not compile: ${firstAndLastLine((err as Error).message)}`;
      problems.push({ path, message: reason, code: 'invalid_template' });
      continue;
    }
    const unknown = used.filter((v) => !isVariableAvailable(v, AVAILABLE));
    for (const v of unknown) problems.push({ path, message: `unknown variable {{${v}}}; event emails have ${[...AVAILABLE].join(', ')}`, code: 'unknown_variable' });
    if (unknown.length) continue;
    try {
      render(template[field], sampleEventEmailContext('Example', 'https://example.com'));
    } catch (err) {
      problems.push({ path, message: `does not render: ${firstAndLastLine((err as Error).message)}`, code: 'invalid_template' });
    }
  }
  return problems;
}
