// Side effect of action.hire: hired stage and status HIRED.
import type { TCloseApplicationInput, TCloseApplicationResult } from '../workflows/graph/nodes/action-reject';
import type { ActivityDeps } from './dependencies';
import { closeApplication } from './close-application';

export function hireApplication(deps: ActivityDeps) {
  return (input: TCloseApplicationInput): Promise<TCloseApplicationResult> => closeApplication(deps, input, 'HIRED');
}
