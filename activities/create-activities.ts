// The activity factory: every side effect a run can have, bound to its
// dependencies. Workflows import the `Activities` type only.
import type { ActivityDeps } from './dependencies';
import { withAppFailures } from './app-failure';
import { sendEmail } from './send-email';
import { sendSms } from './send-sms';
import { addNote } from './add-note';
import { createTask } from './create-task';
import { cancelTask } from './cancel-task';
import { createApprovalTasks } from './create-approval-tasks';
import { createInterviewRequest } from './create-interview-request';
import { moveToStage } from './move-to-stage';
import { rejectApplication } from './reject-application';
import { hireApplication } from './hire-application';
import { updateTags } from './update-tags';
import { addToPool } from './add-to-pool';
import { updateCandidateField } from './update-candidate-field';
import { callWebhook } from './call-webhook';
import { scoreApplication } from './score-application';
import { recordRunFinished, recordRunMigrated } from './record-run-finished';
import { recordRunParked } from './record-run-parked';
import { remindAssignees } from './remind-assignees';
import { reassignTask } from './reassign-task';
import { sendInterviewInvites } from './send-interview-invites';
import { sendInterviewReminders } from './send-interview-reminders';
import { withSurvivingCandidate } from './follow-candidate-merges';

/**
 * Activities that read or write the run's candidate: they act on the record that survives a merge (one lookup).
 * The others (run bookkeeping, stage moves by application, scoring) skip the lookup: they sit on hot paths.
 */
const ACTS_ON_CANDIDATE = new Set<string>([
  'sendEmail', 'sendSms', 'addNote', 'createTask', 'createApprovalTasks', 'updateTags', 'addToPool', 'updateCandidateField', 'callWebhook',
]);

export function createActivities(deps: ActivityDeps) {
  const raw = {
    sendEmail: sendEmail(deps),
    sendSms: sendSms(deps),
    addNote: addNote(deps),
    createTask: createTask(deps),
    cancelTask: cancelTask(deps),
    createApprovalTasks: createApprovalTasks(deps),
    createInterviewRequest: createInterviewRequest(deps),
    remindAssignees: remindAssignees(deps),
    reassignTask: reassignTask(deps),
    moveToStage: moveToStage(deps),
    rejectApplication: rejectApplication(deps),
    hireApplication: hireApplication(deps),
    updateTags: updateTags(deps),
    addToPool: addToPool(deps),
    updateCandidateField: updateCandidateField(deps),
    callWebhook: callWebhook(deps),
    scoreApplication: scoreApplication(deps),
    recordRunFinished: recordRunFinished(deps),
    recordRunMigrated: recordRunMigrated(deps),
    recordRunParked: recordRunParked(deps),
    sendInterviewInvites: sendInterviewInvites(deps),
    sendInterviewReminders: sendInterviewReminders(deps),
  };
  return Object.fromEntries(
    Object.entries(raw).map(([name, fn]) => {
      const call = fn as (i: never) => Promise<unknown>;
      const followsMerges = ACTS_ON_CANDIDATE.has(name);
      return [name, (input: never) => withAppFailures(async () => call(followsMerges ? await withSurvivingCandidate(deps.pool, input) : input))];
    }),
  ) as typeof raw;
}

export type Activities = ReturnType<typeof createActivities>;
