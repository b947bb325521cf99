// Dry run: what a plan would do for a candidate, given a script of events
// ("feedback arrives on day 2", or nothing at all), with no side effects. It
// drives the same pure interpreter as the workflow and stands in for each
// activity, so the path it shows is the path a real run takes.
import Handlebars from 'handlebars';
import { z } from 'zod';
import { ZDuration, durationToMs } from './schema';
import { advanceRun, exitRun, isExitEvent, startRun, type RunState, type RunStep } from './interpreter';
import type { NodeEvent } from './node-definition';
import type { Plan } from './plan';
import { withRunVars } from './template-variables';
import { scoreCriteria, type TScoreApplicationInput, type TScreeningFacts } from './nodes/logic-score-criteria';

export const ZSimulationEvent = z
  .object({
    /** When the event happens, counted from the start of the run. */
    at: ZDuration.or(z.object({}).strict()).default({}),
    name: z.string().min(1),
    payload: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export const ZSimulationScript = z.array(ZSimulationEvent).max(200);
export type TSimulationEvent = z.infer<typeof ZSimulationEvent>;

export type TimelineEntry =
  | { at: string; nodeId: string; kind: 'email'; to: string | null; subject: string; body: string }
  | { at: string; nodeId: string; kind: 'task'; title: string; taskKind: string; dueAt: string | null }
  | { at: string; nodeId: string; kind: 'task_cancelled'; reason: string }
  | { at: string; nodeId: string; kind: 'stage'; stage: string }
  | { at: string; nodeId: string; kind: 'sms'; to: string | null; body: string }
  | { at: string; nodeId: string; kind: 'note'; body: string }
  | { at: string; nodeId: string; kind: 'interview_request'; mode: string; durationMinutes: number; interviewers: number }
  | { at: string; nodeId: string; kind: 'action'; activity: string; detail: Record<string, unknown> }
  | { at: string; nodeId: string; kind: 'wait'; until: string | null; for: string[] }
  | { at: string; nodeId: string; kind: 'event'; name: string }
  | { at: string; nodeId: string; kind: 'timeout' }
  | { at: string; nodeId: string; kind: 'end' };

export interface SimulationResult {
  /** `exited`: a scripted exit event (the graph's exitOn) ended the run where it waited. */
  outcome: 'completed' | 'waiting' | 'step_limit' | 'exited';
  timeline: TimelineEntry[];
  steps: RunStep[];
  /** Where the run is parked when outcome is 'waiting'. */
  parkedAt: string | null;
}

/** What screening by criteria is checked against in a dry run: the profile's facts and its text for keywords. */
export interface SimulationProfile extends Omit<TScreeningFacts, 'keywordMatches'> {
  /** Names, email, headline, skills and resume text: what the search vector holds. */
  text: string;
}

export interface SimulationInput {
  plan: Plan;
  /** Template context: candidate, job, application, org, sender. */
  context: Record<string, unknown>;
  /** For logic.score_criteria; without it the candidate has no skills, years, country, tags or text. */
  profile?: SimulationProfile;
  script?: TSimulationEvent[];
  startAt: number;
  maxSteps?: number;
}

const render = (template: string, context: Record<string, unknown>) => Handlebars.compile(template, { noEscape: true })(context);

export function simulate(input: SimulationInput): SimulationResult {
  const { plan, context } = input;
  const events = (input.script ?? []).map((e) => ({ ...e, atMs: input.startAt + durationToMs(e.at) })).sort((a, b) => a.atMs - b.atMs);
  const timeline: TimelineEntry[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  let now = input.startAt;
  let seq = 0;
  const run = { runId: 'simulation', workflowId: 'simulation', orgId: 'simulation', candidateId: 'simulation', applicationId: 'simulation' };
  let state: RunState = startRun(plan, run, now);

  for (let i = 0; state.status === 'running' && i < (input.maxSteps ?? 1000); i++) {
    const pending = state.pending!;
    let event: NodeEvent;
    if (pending.kind === 'activity') {
      const a = pending.input as Record<string, any>;
      let result: unknown = {};
      switch (pending.activity) {
        case 'sendEmail': {
          const sender = { name: a.fromName ?? 'Recruiting team', email: a.fromEmail ?? 'recruiting@example.com' };
          const ctx = withRunVars({ ...context, sender }, state.vars);
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'email', to: (context.candidate as any)?.email ?? null, subject: render(a.subject, ctx), body: render(a.body, ctx) });
          result = { messageId: `simulated-${++seq}`, status: 'SENT' };
          break;
        }
        case 'createTask':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'task', title: a.title, taskKind: a.kind, dueAt: a.dueInMs ? iso(now + a.dueInMs) : null });
          result = { taskId: `simulated-task-${++seq}` };
          break;
        case 'cancelTask':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'task_cancelled', reason: a.reason });
          result = { status: 'CANCELLED' };
          break;
        case 'moveToStage':
        case 'rejectApplication':
        case 'hireApplication':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'stage', stage: a.stage });
          break;
        case 'sendSms':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'sms', to: (context.candidate as any)?.phone ?? null, body: render(a.body, withRunVars(context, state.vars)) });
          result = { messageId: `simulated-${++seq}`, status: 'SENT' };
          break;
        case 'addNote':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'note', body: render(a.body, withRunVars(context, state.vars)) });
          break;
        case 'createApprovalTasks':
          for (const _person of a.approverUserIds ?? []) timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'task', title: a.title, taskKind: a.kind ?? 'APPROVE', dueAt: a.dueInMs ? iso(now + a.dueInMs) : null });
          break;
        case 'createInterviewRequest':
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'interview_request', mode: a.mode, durationMinutes: a.durationMinutes, interviewers: (a.interviewerIds ?? []).length });
          result = { interviewId: `simulated-interview-${++seq}` };
          break;
        case 'updateTags': {
          const current = ((state.vars.candidate as { tags?: string[] } | undefined)?.tags ?? []).filter((t) => !(a.remove ?? []).includes(t));
          result = { tags: [...new Set([...current, ...(a.add ?? [])])] };
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'action', activity: pending.activity, detail: { add: a.add, remove: a.remove } });
          break;
        }
        case 'scoreApplication': {
          const config = a as TScoreApplicationInput;
          const profile = input.profile ?? { skills: [], yearsExperience: null, countryCode: null, tags: [], knockoutFailures: [], text: '' };
          const keywordMatches = Object.fromEntries(config.criteria.map((c, index) => [index, c.kind === 'keywords' && matchesKeywords(c.q ?? '', profile.text)]));
          const scored = scoreCriteria(config, { ...profile, keywordMatches });
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'action', activity: pending.activity, detail: { score: scored.score, isPassed: scored.isPassed, criteria: scored.criteria } });
          result = scored;
          break;
        }
        default:
          // addToPool, updateCandidateField, callWebhook...: shown, with no secrets.
          timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'action', activity: pending.activity, detail: { poolName: a.poolName, field: a.field, value: a.value, url: a.url } });
      }
      event = { type: 'activity.completed', result };
    } else {
      const deadline = pending.timeoutMs === undefined ? Infinity : now + pending.timeoutMs;
      timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'wait', until: Number.isFinite(deadline) ? iso(deadline) : null, for: pending.signals });
      // Scripted events name the event only: the ids a real run matches on (task ids) do not exist here.
      // An exit event ends the run at any wait, as it does in the workflow.
      const index = events.findIndex((e) => (pending.signals.includes(e.name) || isExitEvent(plan, e.name)) && e.atMs <= deadline);
      if (index >= 0 && isExitEvent(plan, events[index]!.name)) {
        const [exit] = events.splice(index, 1);
        now = Math.max(now, exit!.atMs);
        timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'event', name: exit!.name });
        state = exitRun(plan, state, exit!.name, now);
        return { outcome: 'exited', timeline, steps: state.steps, parkedAt: pending.nodeId };
      }
      if (index >= 0) {
        const [next] = events.splice(index, 1);
        now = Math.max(now, next!.atMs);
        timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'event', name: next!.name });
        event = { type: 'signal', name: next!.name, payload: next!.payload };
      } else if (Number.isFinite(deadline)) {
        now = deadline;
        timeline.push({ at: iso(now), nodeId: pending.nodeId, kind: 'timeout' });
        event = { type: 'timeout' };
      } else {
        return { outcome: 'waiting', timeline, steps: state.steps, parkedAt: pending.nodeId };
      }
    }
    state = advanceRun(plan, state, event, now);
  }
  if (state.status !== 'completed') return { outcome: 'step_limit', timeline, steps: state.steps, parkedAt: state.cursor };
  const last = state.steps[state.steps.length - 1];
  timeline.push({ at: iso(now), nodeId: last?.nodeId ?? '', kind: 'end' });
  return { outcome: 'completed', timeline, steps: state.steps, parkedAt: null };
}

/**
 * Keywords in web-search syntax against a profile's text, as a dry run can
 * judge it without PostgreSQL: every plain word and "quoted phrase" must occur
 * (whole words, any case), no -word may; `or` between terms accepts either.
 * The real run asks PostgreSQL (websearch_to_tsquery), which also stems nothing
 * here ('simple' configuration), so the two agree on plain words and phrases.
 */
export function matchesKeywords(q: string, text: string): boolean {
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const has = (term: string) => words.includes(` ${term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
  const alternatives = q.split(/\s+or\s+/i);
  return alternatives.some((alternative) => {
    const terms = [...alternative.matchAll(/(-?)"([^"]+)"|(-?)(\S+)/g)].map((m) => ({ isNegated: (m[1] ?? m[3]) === '-', term: m[2] ?? m[4]! }));
    const checked = terms.filter((t) => t.term.replace(/[^\p{L}\p{N}]+/gu, '') !== '');
    return checked.length > 0 && checked.every((t) => has(t.term) !== t.isNegated);
  });
}
