// The candidate's pages behind the links in marketing email: the unsubscribe
// confirmation (GET shows it and changes nothing; its button POSTs), the
// confirmation that it is done, and the preference center. Server-rendered
// without script, labelled form controls, every value escaped. They show only
// the organization and a masked address: the token holder learns nothing new.
import { escapeHtml } from '../../careers/escape';
import type { TPreferenceState } from './contact-preferences';

// #1f2328 on #fff 15.8:1; white on #0b57d0 6.3:1; muted #57606a on #fff 6.1:1.
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff}
main{max-width:36rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.4rem}fieldset{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
label{display:flex;gap:.5rem;align-items:center;padding:.25rem 0}input[type=checkbox]{width:1.1rem;height:1.1rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
button{font:inherit;padding:.5rem .9rem;border:1px solid #0b57d0;border-radius:4px;background:#0b57d0;color:#fff;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#0b57d0}button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.muted{color:#57606a}[role=status]{background:#dafbe1;border:1px solid #4ac26b;border-radius:6px;padding:.5rem .75rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** "a***@example.com": enough for the person to recognise their address, not enough to read it off a shared screen. */
export function maskEmail(email: string | null): string {
  if (!email) return 'your address';
  const [local, domain] = email.split('@');
  return `${local!.slice(0, 1)}***@${domain ?? ''}`;
}

const TOPIC_LABELS: Record<string, string> = { jobs: 'New jobs that match you', events: 'Events and career fairs', newsletter: 'Newsletter' };
export const topicLabel = (topic: string) => TOPIC_LABELS[topic] ?? topic.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

export interface TPageParty {
  organization: string;
  email: string | null;
}

export function renderUnsubscribePage(p: TPageParty & { action: string; preferencesUrl: string }): string {
  return page(`Unsubscribe from ${p.organization}`, `<h1>Unsubscribe from ${escapeHtml(p.organization)} emails?</h1>
<p>${escapeHtml(p.organization)} will stop sending news, jobs and events to ${escapeHtml(maskEmail(p.email))}. Messages about an application you make still reach you.</p>
<form method="post" action="${escapeHtml(p.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<div class="actions"><button type="submit">Unsubscribe</button></div></form>
<p class="muted">Or <a href="${escapeHtml(p.preferencesUrl)}">choose which emails you get</a>.</p>`);
}

export function renderUnsubscribedPage(p: TPageParty & { preferencesUrl: string }): string {
  return page('You are unsubscribed', `<h1>You are unsubscribed</h1>
<p role="status">${escapeHtml(p.organization)} will not send marketing emails to ${escapeHtml(maskEmail(p.email))} any more.</p>
<p class="muted">Changed your mind? <a href="${escapeHtml(p.preferencesUrl)}">Choose which emails you get</a>.</p>`);
}

export function renderPreferencePage(p: TPageParty & { action: string; state: TPreferenceState; notice?: string }): string {
  const topics = p.state.topics.map(({ topic, isSubscribed }) => {
    const checked = isSubscribed && p.state.isSubscribedToAll ? ' checked' : '';
    return `<label><input type="checkbox" name="topic:${escapeHtml(topic)}" value="on"${checked}> ${escapeHtml(topicLabel(topic))}</label>`;
  }).join('\n');
  const status = p.notice ? `<p role="status">${escapeHtml(p.notice)}</p>`
    : p.state.isSubscribedToAll ? '' : '<p role="status">You are unsubscribed from all marketing emails. Tick what you want and save to receive it again.</p>';
  return page(`Email preferences: ${p.organization}`, `<h1>Email preferences</h1>
<p>Which emails should ${escapeHtml(p.organization)} send to ${escapeHtml(maskEmail(p.email))}?</p>
${status}
<form method="post" action="${escapeHtml(p.action)}">
<fieldset><legend>Send me</legend>
${topics}
</fieldset>
<div class="actions"><button type="submit" name="action" value="save">Save my choices</button>
<button type="submit" class="secondary" name="action" value="unsubscribe_all">Unsubscribe from all</button></div>
</form>
<p class="muted">Messages about an application you make are not affected.</p>`);
}

export function renderLinkRefusedPage(): string {
  return page('Link not valid', `<h1>This link is not valid</h1>
<p>Please use the link from the most recent email you received, or reply to that email.</p>`);
}
