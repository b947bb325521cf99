// The public event pages, server-rendered in the careers site's layout: the
// event with its registration form (no script; one label per control, required
// fields marked in text, errors listed at the top and next to their field,
// values kept), the answer after registering, and the registrant's own page
// from their email link (add to calendar, cancel with a POST button). Every
// recruiter- or visitor-written string goes through escapeHtml; the description
// through the careers Markdown sanitiser. The online link is never shown here.
import { escapeHtml as h } from '../../careers/escape';
import { renderMarkdown } from '../../careers/markdown';
import type { TFormError } from '../../careers/form-errors';
import { careersLayout } from '../../careers/careers-html';
import type { TPublicOrg } from '../../careers/public-job';
import { eventEndOf, EVENT_KIND_LABELS, type TEventKind } from './event-input';
import { eventPath, type TEventRow } from './event-record';
import { eventWhen } from './registration-emails';
import type { TPublicEvent } from './public-registration';

// Error #b3261e on #fff is 6.5:1; the rest uses the careers palette.
const FORM_STYLE = `<style>.field{margin:1rem 0}.field label{display:block;font-weight:600}
input[type=text],input[type=email],input[type=tel]{width:100%;max-width:28rem;font:inherit;padding:.45rem;border:1px solid #57606a;border-radius:4px}
input:focus-visible{outline:3px solid #1f2328;outline-offset:2px}.error{color:#b3261e;font-weight:600;margin:.2rem 0}[aria-invalid=true]{border-color:#b3261e!important;border-width:2px!important}
.summary{border:2px solid #b3261e;padding:.75rem 1rem;border-radius:4px}.consent{background:#f6f8fa;padding:.75rem;border-radius:4px;margin:1rem 0}
button{padding:.6rem 1.2rem;cursor:pointer}.status{font-size:1.1rem;font-weight:600}</style>`;

export type TFormValues = Record<string, string>;

const FIELDS = [
  { name: 'firstName', label: 'First name', type: 'text', autocomplete: 'given-name', isRequired: true },
  { name: 'lastName', label: 'Last name', type: 'text', autocomplete: 'family-name', isRequired: true },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', isRequired: true },
  { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', isRequired: false },
] as const;

function facts(event: TEventRow): string {
  const rows: [string, string | null][] = [
    ['What', EVENT_KIND_LABELS[event.kind as TEventKind] ?? event.kind],
    ['When', eventWhen(event)],
    ['Where', [event.location, event.isOnline ? 'Online (the link comes with your confirmation)' : null].filter(Boolean).join(' · ') || null],
  ];
  return `<dl class="facts">${rows.filter(([, v]) => v).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v!)}</dd>`).join('')}</dl>`;
}

function registrationForm(p: TPublicEvent, values: TFormValues, errors: readonly TFormError[]): string {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = errors.length
    ? `<div class="summary" role="alert" tabindex="-1" id="errors"><h2>Please check the form</h2><ul>${errors.map((e) => `<li>${e.field ? `<a href="#f-${h(e.field)}">${h(e.message)}</a>` : h(e.message)}</li>`).join('')}</ul></div>`
    : '';
  const inputs = FIELDS.map((f) => {
    const error = errorOf(f.name);
    return `<div class="field"><label for="f-${f.name}">${h(f.label)}${f.isRequired ? ' (required)' : ''}</label>${error ? `<p class="error" id="f-${f.name}-error">${h(error)}</p>` : ''}
<input type="${f.type}" id="f-${f.name}" name="${f.name}" value="${h(values[f.name] ?? '')}" autocomplete="${f.autocomplete}"${f.isRequired ? ' required' : ''}${error ? ` aria-invalid="true" aria-describedby="f-${f.name}-error"` : ''}></div>`;
  }).join('\n');
  const consents = p.consents.map((c) => {
    const field = `consent.${c.purpose}`;
    const error = errorOf(field);
    return `<div class="consent">${renderMarkdown(c.body)}${error ? `<p class="error" id="f-${c.purpose}-error">${h(error)}</p>` : ''}
<label><input type="checkbox" id="f-${h(field)}" name="${h(field)}" value="${h(c.version)}"${values[field] ? ' checked' : ''}${c.isRequired ? ' required' : ''}${error ? ` aria-invalid="true" aria-describedby="f-${c.purpose}-error"` : ''}> ${c.isRequired ? 'I agree (required)' : 'Yes, keep me informed (optional)'}</label></div>`;
  }).join('\n');
  const full = p.placesLeft === 0 ? '<p>This event is full: registering puts you on the waitlist, and you get a place automatically if one opens up.</p>' : '';
  return `<section aria-labelledby="register"><h2 id="register">Register</h2>${full}${summary}
<form method="post" action="${h(eventPath(p.org.slug, p.event.slug))}" novalidate>
${inputs}
${consents}
<button type="submit">${p.placesLeft === 0 ? 'Join the waitlist' : 'Register'}</button></form></section>`;
}

export function eventPageHtml(p: TPublicEvent, opts: { baseUrl: string; now: Date; values?: TFormValues; errors?: readonly TFormError[] }): string {
  const e = p.event;
  const isOver = eventEndOf(e).getTime() <= opts.now.getTime();
  const state = e.status === 'CANCELLED'
    ? '<p class="status" role="status">This event has been cancelled.</p>'
    : isOver ? '<p class="status" role="status">This event is over; registration is closed.</p>'
    : registrationForm(p, opts.values ?? {}, opts.errors ?? []);
  const places = p.placesLeft !== null && e.status === 'PUBLISHED' && !isOver ? `<p>${p.placesLeft} place${p.placesLeft === 1 ? '' : 's'} left.</p>` : '';
  const main = `<article aria-labelledby="event-title">
<h1 id="event-title">${h(e.name)}</h1>
${facts(e)}
<p><a href="${h(eventPath(p.org.slug, e.slug))}/event.ics">Add to calendar (.ics)</a></p>
${places}
<section aria-label="About the event">${renderMarkdown(e.description)}</section>
${state}
</article>`;
  const plain = e.description.replace(/[#*_`>[\]()!-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 155);
  return careersLayout({
    org: p.org, title: `${e.name} – ${p.org.name}`, description: plain || `${e.name} at ${p.org.name}`, canonical: opts.baseUrl + eventPath(p.org.slug, e.slug), main,
    head: FORM_STYLE + (opts.errors?.length ? '<meta name="robots" content="noindex">' : ''),
  });
}

/** The answer to the form, the same whether or not the person was registered before: the email says where they stand. */
export function registeredHtml(org: TPublicOrg, event: TEventRow, email: string): string {
  return careersLayout({
    org, title: `Check your email: ${event.name}`, description: event.name, canonical: eventPath(org.slug, event.slug),
    main: `<h1>Check your email</h1><p class="status" role="status">Thank you. We sent the details of your registration to ${h(email)}: your place (or your place on the waitlist if the event is full), a calendar invite and a link to cancel.</p>${facts(event)}
<p><a href="${h(eventPath(org.slug, event.slug))}">Back to the event</a></p>`,
    head: FORM_STYLE + '<meta name="robots" content="noindex">',
  });
}

const STATUS_TEXT: Record<string, string> = {
  REGISTERED: 'You are registered.', WAITLISTED: 'You are on the waitlist.', ATTENDED: 'You were there. Thank you for coming!',
  NO_SHOW: 'We missed you at this event.', CANCELLED: 'Your registration is cancelled.',
};

/** The registrant's page from their email link; the form posts back to the same signed address. */
export function ownRegistrationHtml(org: Pick<TPublicOrg, 'slug' | 'name'>, own: { event: TEventRow; status: string; firstName: string }, selfPath: string, now: Date): string {
  const e = own.event;
  const canCancel = (own.status === 'REGISTERED' || own.status === 'WAITLISTED') && e.status === 'PUBLISHED' && eventEndOf(e).getTime() > now.getTime();
  const eventState = e.status === 'CANCELLED' ? '<p class="status">The event has been cancelled.</p>' : '';
  const main = `<h1>${h(e.name)}</h1>
<p class="status" role="status">Hi ${h(own.firstName)}. ${h(STATUS_TEXT[own.status] ?? '')}</p>${eventState}
${facts(e)}
${own.status === 'REGISTERED' && e.status === 'PUBLISHED' ? `<p><a href="${h(selfPath)}/event.ics">Add to calendar (.ics)</a></p>` : ''}
${canCancel ? `<form method="post" action="${h(selfPath)}/cancel"><p>Can't make it? Cancel your ${own.status === 'WAITLISTED' ? 'place on the waitlist' : 'place'} so someone else can come.</p><button type="submit">Cancel my registration</button></form>` : ''}`;
  return careersLayout({ org: { ...org, id: '', websiteUrl: null, logoUrl: null }, title: e.name, description: e.name, canonical: selfPath, main, head: FORM_STYLE + '<meta name="robots" content="noindex">' });
}
