// Side effect of message.send_email: the one send path (api/services/messaging/
// send-candidate-email.ts) with the run's candidate, application and campaign.
// The idempotency key (workflow/node/visit) makes a retried or replayed activity
// return the first result instead of sending again; a DEFERRED result is decided
// again when the node calls back after its timer.
import type { TSendEmailInput, TSendEmailResult } from '../workflows/graph/nodes/message-send-email';
import type { ActivityDeps } from './dependencies';
import { sendCandidateEmail, type TSendDeps } from '../api/services/messaging/send-candidate-email';
import { touchRun } from './touch-run';

export function sendDepsOf(deps: ActivityDeps): TSendDeps {
  return {
    pool: deps.pool, mailer: deps.mailer, log: deps.log, mailFrom: deps.mailFrom, publicUrl: deps.publicUrl ?? 'http://localhost:3000',
    linkSigningKey: deps.linkSigningKey, replyDomain: deps.replyDomain,
  };
}

export function sendEmail(deps: ActivityDeps) {
  const sendDeps = sendDepsOf(deps);
  return async (input: TSendEmailInput): Promise<TSendEmailResult> => {
    const result = await sendCandidateEmail(sendDeps, {
      orgId: input.run.orgId, candidateId: input.run.candidateId, runId: input.run.runId, applicationId: input.run.applicationId,
      idempotencyKey: input.idempotencyKey, category: input.category,
      sender: { name: input.fromName, email: input.fromEmail }, replyTo: input.replyTo,
      content: { subject: input.subject, body: input.body, vars: input.vars },
      headers: { 'X-Trellis-Run': input.run.runId, 'X-Trellis-Node': input.nodeId },
    });
    if (result.status === 'SENT') await touchRun(deps.prisma, input.run.runId, input.nodeId);
    return result;
  };
}
