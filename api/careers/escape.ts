// Escaping for the three places public pages put recruiter-written text:
// HTML text and attributes, a JSON-LD <script> block, and XML CDATA sections.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON for a <script type="application/ld+json">: "</script>" and "<!--" cannot appear in the output. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Characters XML 1.0 forbids anywhere (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A CDATA section holding any text: "]]>" is split across two sections, invalid characters dropped. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(XML_INVALID, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
