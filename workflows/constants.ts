// Names shared by the workflow, the worker and the API.
export const PIPELINE_RUN_WORKFLOW = 'pipelineRun';
/** One signal carries every human or external event into a run: { name, payload }. */
export const EVENT_SIGNAL = 'event';
export const STATE_QUERY = 'state';

export const workflowIdForApplication = (applicationId: string) => `application-${applicationId}`;
/** A candidate's run in a campaign (the enrollment): one id per pair, so a start delivered twice starts one run. */
export const workflowIdForEnrollment = (campaignId: string, candidateId: string) => `campaign-${campaignId}-${candidateId}`;
/** Update an operator sends to move a parked run to a newer version. */
export const MIGRATE_UPDATE = 'migrate';
/**
 * Reserved event an operator sends to end a run wherever it waits (a cohort exit
 * from the builder's live overlay). Every plan treats it as an exit event, whatever
 * its settings.exitOn; people and integrations cannot send it (see PUBLIC_RUN_EVENTS).
 */
export const OPERATOR_EXIT_EVENT = 'operator.exit';
/** Sends an interview's invites for one version (UID + SEQUENCE), then its reminder: workflow id interviewCalendarWorkflowId(). */
export const INTERVIEW_CALENDAR_WORKFLOW = 'interviewCalendar';
export const interviewCalendarWorkflowId = (interviewId: string, sequence: number) => `interview-${interviewId}-v${sequence}`;
