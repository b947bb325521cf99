// Side effect of message.internal_note: a note on the candidate's history, kept
// as an audit event (action note.added) whose id derives from the idempotency
// key, so a retried activity adds it once.
import type { TAddNoteInput, TAddNoteResult } from '../workflows/graph/nodes/message-internal-note';
import type { ActivityDeps } from './dependencies';
import { idForKey } from './id-for-key';
import { loadTemplateContext, renderTemplate } from './render-template';
import { senderFromAddress } from './sender-address';
import { touchRun } from './touch-run';

export const NOTE_ADDED = 'note.added';

export function addNote(deps: ActivityDeps) {
  return async (input: TAddNoteInput): Promise<TAddNoteResult> => {
    const { prisma } = deps;
    const noteId = idForKey('note', input.idempotencyKey);
    if (await prisma.auditEvent.findUnique({ where: { id: noteId } })) return { noteId };
    const context = await loadTemplateContext(prisma, input.run, senderFromAddress(deps.mailFrom), input.vars);
    const body = renderTemplate(input.body, context);
    await prisma.$transaction([
      prisma.auditEvent.create({
        data: {
          id: noteId, orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: NOTE_ADDED,
          entityType: 'Candidate', entityId: input.run.candidateId,
          after: { body, runId: input.run.runId, nodeId: input.nodeId, applicationId: input.run.applicationId ?? null },
        },
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    return { noteId };
  };
}
