import { bounceKindOf, isAutomaticReply, referencedMessageIds } from '../../../api/services/messaging/inbound-classify';

describe('isAutomaticReply', () => {
  test('RFC 3834 Auto-Submitted, vendor headers and Precedence mark robots', () => {
    expect(isAutomaticReply({ headers: { 'auto-submitted': 'auto-replied' }, subject: 'Re: roles' })).toBe(true);
    expect(isAutomaticReply({ headers: { 'auto-submitted': 'no' }, subject: 'Re: roles' })).toBe(false);
    expect(isAutomaticReply({ headers: { 'x-autoreply': 'yes' }, subject: 'Re: roles' })).toBe(true);
    expect(isAutomaticReply({ headers: { 'x-auto-response-suppress': 'All' }, subject: 'Re: roles' })).toBe(true);
    expect(isAutomaticReply({ headers: { precedence: 'bulk' }, subject: 'Re: roles' })).toBe(true);
  });

  test('the usual out-of-office subjects, in a few languages; a person\'s reply is not one', () => {
    for (const subject of ['Out of Office: Roles at Acme', 'Automatic reply: Roles', 'Autoreply', 'Abwesenheitsnotiz', 'Réponse automatique : Roles']) {
      expect([subject, isAutomaticReply({ headers: {}, subject })]).toEqual([subject, true]);
    }
    expect(isAutomaticReply({ headers: {}, subject: 'Re: Roles at Acme' })).toBe(false);
    expect(isAutomaticReply({ headers: {}, subject: 'I will be out of office next week, can we talk after?' })).toBe(false);
  });
});

describe('bounceKindOf', () => {
  const dsn = (lines: string) => ({ subject: 'Delivery Status Notification', deliveryStatus: `Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\n${lines}\n` });

  test('a permanent failure is hard, a delay soft, a delivery report no bounce', () => {
    expect(bounceKindOf(dsn('Action: failed\nStatus: 5.1.1'))).toBe('hard');
    expect(bounceKindOf(dsn('Status: 5.2.2'))).toBe('hard');
    expect(bounceKindOf(dsn('Action: delayed\nStatus: 4.4.7'))).toBe('soft');
    expect(bounceKindOf(dsn('Action: delivered\nStatus: 2.0.0'))).toBeNull();
  });

  test('a complaint report; a bounce without a status part by its subject; anything else is not a bounce', () => {
    expect(bounceKindOf({ subject: 'Complaint', isFeedbackReport: true })).toBe('complaint');
    expect(bounceKindOf({ subject: 'Undelivered Mail Returned to Sender' })).toBe('hard');
    expect(bounceKindOf({ subject: 'Mail delivery failed: returning message to sender' })).toBe('hard');
    expect(bounceKindOf({ subject: 'Thanks for reaching out' })).toBeNull();
  });
});

test('our Message-IDs named in In-Reply-To and References, each once', () => {
  expect(referencedMessageIds({ inReplyTo: '<mabc12345@trellis>', references: ['<x@gmail.com>', '<mabc12345@trellis> <mdef67890@trellis>'] })).toEqual(['mabc12345', 'mdef67890']);
  expect(referencedMessageIds({ inReplyTo: '<mabc12345@elsewhere.example>' })).toEqual([]);
});
