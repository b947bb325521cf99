// Turns a rendered email (plain text, optionally HTML) into what goes on the
// wire: the HTML part, links rewritten to signed click redirects, the open
// pixel and the unsubscribe / preferences footer for marketing mail. Pure: the
// send path passes in the URLs it signed for this message.
import { MAX_TRACKED_LINKS } from './message-tokens';

export interface TTrackingUrls {
  click(linkIndex: number): string;
  open: string;
  unsubscribe: string;
  preferences: string;
}

export interface TComposeInput {
  text: string;
  /** Pre-rendered HTML (digests); without it the HTML part is the text with its links made clickable. */
  html?: string;
  orgName: string;
  /** Marketing mail only: tracked links, the pixel and the footer. */
  tracking: TTrackingUrls | null;
}

export interface TComposedEmail {
  text: string;
  html: string;
  /** The distinct links of the body in order of first appearance (Message.links); click tokens index into it. */
  links: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const unescapeAttr = (s: string) => s.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"').replace(/&#34;/g, '"');

/** http(s) URLs in text; trailing punctuation that usually ends a sentence is not part of the link. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const trimUrl = (url: string) => url.replace(/[.,;:!?)\]}]+$/, '');

function linksOfText(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => trimUrl(m[0]));
}

function linksOfHtml(html: string): string[] {
  return [...html.matchAll(/\bhref\s*=\s*"(https?:\/\/[^"]+)"/gi)].map((m) => unescapeAttr(m[1]!));
}

export function composeEmail(input: TComposeInput): TComposedEmail {
  const links = [...new Set([...(input.html ? linksOfHtml(input.html) : []), ...linksOfText(input.text)])].slice(0, MAX_TRACKED_LINKS);
  const t = input.tracking;
  const target = (url: string) => {
    const i = links.indexOf(url);
    return t && i >= 0 ? t.click(i) : url;
  };
  const textLinked = input.text.replace(URL_IN_TEXT, (raw) => {
    const url = trimUrl(raw);
    return target(url) + raw.slice(url.length);
  });
  const htmlBody = input.html
    ? input.html.replace(/(\bhref\s*=\s*")(https?:\/\/[^"]+)(")/gi, (_m, pre: string, url: string, post: string) => `${pre}${escapeHtml(target(unescapeAttr(url)))}${post}`)
    : `<div style="font-family:sans-serif;white-space:pre-wrap">${autolink(input.text, target)}</div>`;
  if (!t) return { text: textLinked, html: htmlBody, links: [] };

  const footerText = `\n\n--\nYou receive these emails from ${input.orgName}. Unsubscribe: ${t.unsubscribe}\nChoose what you receive: ${t.preferences}\n`;
  const footerHtml =
    `<p style="font-family:sans-serif;font-size:12px;color:#57606a;margin-top:24px">You receive these emails from ${escapeHtml(input.orgName)}. ` +
    `<a href="${escapeHtml(t.unsubscribe)}">Unsubscribe</a> · <a href="${escapeHtml(t.preferences)}">Choose what you receive</a></p>` +
    `<img src="${escapeHtml(t.open)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`;
  const html = /<\/body>/i.test(htmlBody) ? htmlBody.replace(/<\/body>/i, `${footerHtml}</body>`) : htmlBody + footerHtml;
  return { text: textLinked + footerText, html, links };
}

function autolink(text: string, target: (url: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(m[0]);
    out += escapeHtml(text.slice(last, m.index)) + `<a href="${escapeHtml(target(url))}">${escapeHtml(url)}</a>`;
    last = m.index! + url.length;
  }
  return out + escapeHtml(text.slice(last));
}
