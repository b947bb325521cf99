// The default sender ({{sender.name}}, {{sender.email}}) from MAIL_FROM, e.g.
// '"Acme Talent" <talent@acme.example>'.
export function senderFromAddress(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.replace(/^"|"$/g, ''), email: m[2]! } : { name: from, email: from };
}
