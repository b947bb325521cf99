// Side effect of reminders (panel feedback): one email to each assignee of
// the given tasks that are still open, once per reminder number.
import type { TRemindAssigneesInput } from '../workflows/graph/nodes/people-collect-feedback-v2';
import type { ActivityDeps } from './dependencies';
import { senderFromAddress } from './sender-address';

export function remindAssignees(deps: ActivityDeps) {
  return async (input: TRemindAssigneesInput): Promise<{ reminded: number }> => {
    const { prisma, mailer } = deps;
    const tasks = await prisma.task.findMany({
      where: { id: { in: input.taskIds }, orgId: input.run.orgId, status: 'OPEN' },
      include: { assignee: { select: { email: true, name: true } }, candidate: { select: { firstName: true, lastName: true } } },
    });
    const sender = senderFromAddress(deps.mailFrom);
    let reminded = 0;
    for (const task of tasks) {
      if (!task.assignee) continue;
      const key = `${input.idempotencyKey}/${task.id}`;
      const existing = await prisma.message.findUnique({ where: { idempotencyKey: key } });
      if (existing?.status === 'SENT') continue;
      const who = task.candidate ? `${task.candidate.firstName} ${task.candidate.lastName}` : 'a candidate';
      const subject = `Reminder: ${task.title} for ${who}`;
      const bodyText = `Hi ${task.assignee.name},\n\nYour scorecard for ${who} is still open${task.dueAt ? ` (due ${task.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : ''}. Please submit it from your Trellis inbox.\n`;
      const message = existing ?? (await prisma.message.create({
        data: { orgId: input.run.orgId, runId: input.run.runId, idempotencyKey: key, status: 'SENDING', fromAddress: `"${sender.name}" <${sender.email}>`, toAddress: task.assignee.email, subject, bodyText, attempts: 1 },
      }));
      const { providerMessageId } = await mailer.send({ from: message.fromAddress, to: task.assignee.email, subject, text: bodyText, messageId: `<${message.id}@trellis>` });
      await prisma.message.update({ where: { id: message.id }, data: { status: 'SENT', providerMessageId, sentAt: new Date() } });
      reminded++;
    }
    return { reminded };
  };
}
