// The public consent-renewal page, server-rendered without script: the organization, the words
// of the consent (as published, shown as text), and one button that posts the renewal. Opening
// the link changes nothing (mail scanners and previews fetch links); the button does. Every
// string from the organization or the database is escaped.
import type { TRenewalView } from './consent-renewal';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Contrast: #1f2328 on #fff 15.8:1, white on #0b57d0 6.3:1, #57606a on #fff 6.1:1.
const CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff}main{max-width:38rem;margin:0 auto;padding:1.25rem}
blockquote{margin:1rem 0;padding:.75rem 1rem;border-left:4px solid #d0d7de;white-space:pre-wrap;color:#1f2328}
button{font:inherit;font-weight:600;padding:.55rem 1rem;border:0;border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}.muted{color:#57606a}`;

function document(title: string, main: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main>${main}</main></body></html>`;
}

export function renderRenewalPage(view: TRenewalView, action: string): string {
  const org = escapeHtml(view.organization);
  const words = view.consentText ? `<p>By keeping your profile you agree to:</p><blockquote>${escapeHtml(view.consentText)}</blockquote>` : '';
  return document(`Keep your profile at ${view.organization}`, `<h1>Keep your profile at ${org}?</h1>
<p>Hi ${escapeHtml(view.firstName)}, ${org} keeps your profile to consider you for future roles, and only with your consent.</p>
${words}<form method="post" action="${escapeHtml(action)}"><button type="submit" data-testid="renew">Yes, keep my profile</button></form>
<p class="muted">If you do nothing, your personal data will be removed.</p>`);
}

export function renderRenewedPage(view: TRenewalView): string {
  return document('Thank you', `<h1 role="status">Thank you, ${escapeHtml(view.firstName)}</h1>
<p>${escapeHtml(view.organization)} will keep your profile. You can ask them to remove it at any time.</p>`);
}

export function renderRenewalRefusedPage(message: string): string {
  return document('Link not usable', `<h1>This link cannot be used</h1><p role="alert">${escapeHtml(message)}</p>`);
}
