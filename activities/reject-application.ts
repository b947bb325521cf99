// Side effect of action.reject: rejected stage, status REJECTED and the reason.
import type { TCloseApplicationInput, TCloseApplicationResult } from '../workflows/graph/nodes/action-reject';
import type { ActivityDeps } from './dependencies';
import { closeApplication } from './close-application';

export function rejectApplication(deps: ActivityDeps) {
  return (input: TCloseApplicationInput): Promise<TCloseApplicationResult> => closeApplication(deps, input, 'REJECTED');
}
