// Names shared by the workflow, the worker and the API.
export const PIPELINE_RUN_WORKFLOW = 'pipelineRun';
/** One signal carries every human or external event into a run: { name, payload }. */
export const EVENT_SIGNAL = 'event';
export const STATE_QUERY = 'state';

export const workflowIdForApplication = (applicationId: string) => `application-${applicationId}`;
/** Update an operator sends to move a parked run to a newer version. */
export const MIGRATE_UPDATE = 'migrate';
