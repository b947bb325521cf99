// The node catalog: every node type, looked up by (type, typeVersion).
import type { NodeDefinition } from './node-definition';
import triggerApplicationReceived from './nodes/trigger-application-received';
import messageSendEmail from './nodes/message-send-email';
import peopleCollectFeedback from './nodes/people-collect-feedback';
import logicBranch from './nodes/logic-branch';
import actionMoveToStage from './nodes/action-move-to-stage';
import actionEnd from './nodes/action-end';

export const NODE_DEFINITIONS: readonly NodeDefinition<any>[] = [
  triggerApplicationReceived,
  messageSendEmail,
  peopleCollectFeedback,
  logicBranch,
  actionMoveToStage,
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
