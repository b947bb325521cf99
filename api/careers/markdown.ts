// Job descriptions are Markdown written by recruiters and shown to the public,
// so rendering is the sanitiser: raw HTML is never passed through (it is
// escaped as text), links may only be http(s) or mailto, and headings start at
// h2 because the page's h1 is the job title.
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

md.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    }
  }
});

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  // Links out of a public page: no referrer leak, no ranking credit for pasted links.
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Sanitised HTML for a job description; safe to put inside the careers page and JSON-LD. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
