// Starts the inbound SMTP listener of the API process (unless INBOUND_SMTP_DISABLED):
// signed reply, bounce and unsubscribe addresses of REPLY_DOMAIN are accepted,
// everything else refused at RCPT TO; each message goes to ingestInboundEmail.
import type { Services } from '../services';
import { startInboundSmtp, type InboundSmtp } from '../../platform/mail/inbound-smtp';
import { verifySignedAddress } from './message-tokens';
import { ingestInboundEmail } from './inbound-email';

export async function startInboundMailListener(services: Services): Promise<InboundSmtp | null> {
  const { config } = services;
  if (config.INBOUND_SMTP_DISABLED) return null;
  const listener = await startInboundSmtp({
    host: config.HOST,
    port: config.INBOUND_SMTP_PORT,
    accepts: (address) => verifySignedAddress(config.LINK_SIGNING_KEY, address, config.REPLY_DOMAIN) !== null,
    onMessage: (mail) => ingestInboundEmail(services, mail),
  });
  services.log.info({ port: listener.port, replyDomain: config.REPLY_DOMAIN }, 'inbound SMTP listening (replies and bounces)');
  return listener;
}
