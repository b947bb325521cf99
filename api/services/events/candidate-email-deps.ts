// The send path's dependencies from the API's services: event emails and job-alert
// digests go through sendCandidateEmail like every candidate-facing email.
import type { Services } from '../services';
import { sendCandidateEmail, type TCandidateEmail, type TSendDeps } from '../messaging/send-candidate-email';
import { publicBaseUrl } from './event-record';

export function candidateEmailDeps(services: Services): TSendDeps {
  const c = services.config;
  if (!services.mailer) throw new Error('no mailer: the API was started without mail');
  return { pool: services.pool, mailer: services.mailer, log: services.log, mailFrom: c.MAIL_FROM, publicUrl: publicBaseUrl(c), linkSigningKey: c.LINK_SIGNING_KEY, replyDomain: c.REPLY_DOMAIN };
}

export const deliverCandidateEmail = (services: Services, input: TCandidateEmail) => sendCandidateEmail(candidateEmailDeps(services), input);
