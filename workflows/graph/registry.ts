// The node catalog: every node type, looked up by (type, typeVersion).
import type { NodeDefinition } from './node-definition';
import triggerApplicationReceived from './nodes/trigger-application-received';
import triggerManual from './nodes/trigger-manual';
import triggerStageEntered from './nodes/trigger-stage-entered';
import triggerCampaignEnrolled from './nodes/trigger-campaign-enrolled';
import triggerEventRegistration from './nodes/trigger-event-registration';
import messageSendEmail from './nodes/message-send-email';
import messageSendSms from './nodes/message-send-sms';
import messageInternalNote from './nodes/message-internal-note';
import timeWait from './nodes/time-wait';
import timeWaitUntil from './nodes/time-wait-until';
import timeSendWindow from './nodes/time-send-window';
import eventsWaitForAny from './nodes/events-wait-for-any';
import peopleCollectFeedback from './nodes/people-collect-feedback';
import peopleCollectFeedbackV2 from './nodes/people-collect-feedback-v2';
import peopleCreateTask from './nodes/people-create-task';
import peopleCreateTaskV2 from './nodes/people-create-task-v2';
import peopleApproval from './nodes/people-approval';
import schedulingScheduleInterview from './nodes/scheduling-schedule-interview';
import logicBranch from './nodes/logic-branch';
import logicAbSplit from './nodes/logic-ab-split';
import logicScoreCriteria from './nodes/logic-score-criteria';
import actionMoveToStage from './nodes/action-move-to-stage';
import actionReject from './nodes/action-reject';
import actionHire from './nodes/action-hire';
import actionTag from './nodes/action-tag';
import actionAddToPool from './nodes/action-add-to-pool';
import actionUpdateField from './nodes/action-update-field';
import actionWebhook from './nodes/action-webhook';
import actionEnd from './nodes/action-end';

export const NODE_DEFINITIONS: readonly NodeDefinition<any>[] = [
  triggerApplicationReceived,
  triggerManual,
  triggerStageEntered,
  triggerCampaignEnrolled,
  triggerEventRegistration,
  messageSendEmail,
  messageSendSms,
  messageInternalNote,
  timeWait,
  timeWaitUntil,
  timeSendWindow,
  eventsWaitForAny,
  peopleCollectFeedback,
  peopleCollectFeedbackV2,
  peopleCreateTask,
  peopleCreateTaskV2,
  peopleApproval,
  schedulingScheduleInterview,
  logicBranch,
  logicAbSplit,
  logicScoreCriteria,
  actionMoveToStage,
  actionReject,
  actionHire,
  actionTag,
  actionAddToPool,
  actionUpdateField,
  actionWebhook,
  actionEnd,
];

const byKey = new Map(NODE_DEFINITIONS.map((d) => [`${d.type}@${d.typeVersion}`, d]));

export function findNodeDefinition(type: string, typeVersion: number): NodeDefinition<any> | undefined {
  return byKey.get(`${type}@${typeVersion}`);
}

export function latestVersionOf(type: string): number | undefined {
  const versions = NODE_DEFINITIONS.filter((d) => d.type === type).map((d) => d.typeVersion);
  return versions.length ? Math.max(...versions) : undefined;
}
