// The activity factory: every side effect a run can have, bound to its
// dependencies. Workflows import the `Activities` type only.
import type { ActivityDeps } from './dependencies';
import { withAppFailures } from './app-failure';
import { sendEmail } from './send-email';
import { createTask } from './create-task';
import { cancelTask } from './cancel-task';
import { moveToStage } from './move-to-stage';
import { recordRunFinished, recordRunMigrated } from './record-run-finished';

export function createActivities(deps: ActivityDeps) {
  const raw = {
    sendEmail: sendEmail(deps),
    createTask: createTask(deps),
    cancelTask: cancelTask(deps),
    moveToStage: moveToStage(deps),
    recordRunFinished: recordRunFinished(deps),
    recordRunMigrated: recordRunMigrated(deps),
  };
  return Object.fromEntries(
    Object.entries(raw).map(([name, fn]) => [name, (input: never) => withAppFailures(() => (fn as (i: never) => Promise<unknown>)(input))]),
  ) as typeof raw;
}

export type Activities = ReturnType<typeof createActivities>;
