// The public job-alert pages in the careers site's layout: the signup form at the
// foot of the careers page (prefilled with the page's filters, no script), the
// "check your email" answer, and the pages behind the confirm and stop links,
// each a button that POSTs (a link scanner that fetches the page changes nothing).
import { escapeHtml as h } from '../../careers/escape';
import { renderMarkdown } from '../../careers/markdown';
import type { TFormError } from '../../careers/form-errors';
import { careersLayout, type TCareersFilters } from '../../careers/careers-html';
import { careersPath, type TPublicOrg } from '../../careers/public-job';

export interface TAlertFormState {
  values?: Record<string, string>;
  errors?: readonly TFormError[];
}

const STYLE = `<style>.alerts{border-top:1px solid #d0d7de;margin-top:2rem}.alerts .field{margin:.75rem 0}.alerts label{display:block;font-weight:600}
.alerts input[type=text],.alerts input[type=email]{width:100%;max-width:24rem;font:inherit;padding:.4rem;border:1px solid #57606a;border-radius:4px}
.alerts fieldset{border:0;padding:0;margin:.75rem 0}.alerts legend{font-weight:600}.alerts .inline{display:inline;font-weight:400;margin-right:1rem}
.error{color:#b3261e;font-weight:600}.consent{background:#f6f8fa;padding:.75rem;border-radius:4px}button{padding:.5rem 1rem}</style>`;

/** The signup form; its hidden fields carry the careers page's current filters as the alert's criteria. */
export function jobAlertFormHtml(org: Pick<TPublicOrg, 'slug'>, filters: TCareersFilters, consent: { version: string; body: string } | null, state: TAlertFormState = {}): string {
  const v = state.values ?? {};
  const errorOf = (f: string) => state.errors?.find((e) => e.field === f)?.message;
  const err = (f: string) => (errorOf(f) ? `<p class="error" id="a-${f}-error">${h(errorOf(f)!)}</p>` : '');
  const aria = (f: string) => (errorOf(f) ? ` aria-invalid="true" aria-describedby="a-${f}-error"` : '');
  const general = state.errors?.filter((e) => !e.field).map((e) => `<p class="error" role="alert">${h(e.message)}</p>`).join('') ?? '';
  const hidden = (['department', 'location', 'remote'] as const)
    .map((k) => (v[k] ?? filters[k]) ? `<input type="hidden" name="${k}" value="${h(v[k] ?? filters[k]!)}">` : '').join('');
  const frequency = v.frequency ?? 'WEEKLY';
  return `${STYLE}<section class="alerts" aria-labelledby="alerts-title"><h2 id="alerts-title">Get new jobs by email</h2>${general}
<form method="post" action="${h(careersPath(org))}/alerts">${hidden}
<div class="field"><label for="a-email">Email (required)</label>${err('email')}<input type="email" id="a-email" name="email" value="${h(v.email ?? '')}" autocomplete="email" required${aria('email')}></div>
<div class="field"><label for="a-firstName">First name (required)</label>${err('firstName')}<input type="text" id="a-firstName" name="firstName" value="${h(v.firstName ?? '')}" autocomplete="given-name" required${aria('firstName')}></div>
<div class="field"><label for="a-keywords">Keywords, separated by commas (optional)</label>${err('keywords')}<input type="text" id="a-keywords" name="keywords" value="${h(v.keywords ?? '')}"${aria('keywords')}></div>
<fieldset><legend>How often</legend><label class="inline"><input type="radio" name="frequency" value="DAILY"${frequency === 'DAILY' ? ' checked' : ''}> Daily</label><label class="inline"><input type="radio" name="frequency" value="WEEKLY"${frequency === 'WEEKLY' ? ' checked' : ''}> Weekly</label></fieldset>
${consent ? `<div class="consent">${renderMarkdown(consent.body)}${err('consent')}<label><input type="checkbox" id="a-consent" name="consent" value="${h(consent.version)}"${v.consent ? ' checked' : ''} required${aria('consent')}> I agree (required)</label></div>` : ''}
<p>We send a link to confirm first. Every email has a link to stop it.</p>
<button type="submit">Create job alert</button></form></section>`;
}

function page(org: Pick<TPublicOrg, 'slug' | 'name'>, title: string, main: string) {
  return careersLayout({ org: { id: '', websiteUrl: null, logoUrl: null, ...org }, title, description: title, canonical: careersPath(org), main, head: `${STYLE}<meta name="robots" content="noindex">` });
}

/** The answer to the form, the same whether or not the address already had this alert (nothing about anyone is revealed). */
export const checkYourEmailHtml = (org: Pick<TPublicOrg, 'slug' | 'name'>, email: string) =>
  page(org, 'Job alert', `<h1>Check your email</h1><p role="status">If ${h(email)} does not have this alert yet, we sent it a link: the alert starts once you confirm it.</p><p><a href="${h(careersPath(org))}">Back to jobs</a></p>`);

/** The signup form on its own page, with its errors, after bad input. */
export const alertFormPageHtml = (org: Pick<TPublicOrg, 'slug' | 'name'>, form: string) =>
  page(org, 'Job alert', `<h1>Job alert</h1>${form}<p><a href="${h(careersPath(org))}">Back to jobs</a></p>`);

/** The page behind a confirm or stop link: the current state, and a button that changes it. */
export function alertLinkHtml(org: Pick<TPublicOrg, 'slug' | 'name'>, kind: 'confirm' | 'stop', alert: { isActive: boolean; description: string }, selfPath: string, isDone = false): string {
  if (kind === 'confirm') {
    return alert.isActive
      ? page(org, 'Job alert confirmed', `<h1>Your job alert is on</h1><p role="status">${isDone ? 'Confirmed. ' : ''}You will get new jobs matching ${h(alert.description)}.</p><p><a href="${h(careersPath(org))}">See the jobs</a></p>`)
      : page(org, 'Confirm your job alert', `<h1>Confirm your job alert</h1><p>New jobs at ${h(org.name)} matching ${h(alert.description)}.</p><form method="post" action="${h(selfPath)}"><button type="submit">Confirm</button></form>`);
  }
  return alert.isActive
    ? page(org, 'Stop this job alert', `<h1>Stop this job alert?</h1><p>No more emails about ${h(alert.description)}.</p><form method="post" action="${h(selfPath)}"><button type="submit">Stop the alert</button></form>`)
    : page(org, 'Job alert stopped', `<h1>This job alert is off</h1><p role="status">${isDone ? 'Stopped. ' : ''}You will get no more emails from it.</p><p><a href="${h(careersPath(org))}">Back to jobs</a></p>`);
}
