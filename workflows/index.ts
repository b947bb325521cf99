// Entry point the worker bundles: every workflow type Trellis runs.
export { pipelineRun } from './pipeline-run';
export { interviewCalendar } from './interview-calendar';
