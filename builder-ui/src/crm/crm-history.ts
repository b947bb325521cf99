// A person's campaigns and events, read from their timeline's CRM entries (the API has no per-person list of
// enrollments or registrations): one row per campaign run (its current status, why it exited) and one per
// event registration (its current status, when they checked in).
import type { TimelineEntry } from '../api-types';

export type PersonEnrollment = { runId: string; campaignId: string; campaignName: string; status: string; enrolledAt: string; endedAt: string | null; exitReason: string | null };
export type PersonRegistration = { eventId: string; eventName: string; startsAt: string | null; status: string; registeredAt: string; checkedInAt: string | null };

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function crmHistoryOfTimeline(entries: readonly TimelineEntry[]): { enrollments: PersonEnrollment[]; registrations: PersonRegistration[] } {
  const runs = new Map<string, PersonEnrollment>();
  const ends = new Map<string, { endedAt: string; exitReason: string | null; status: string | null }>();
  const registrations: PersonRegistration[] = [];
  for (const e of entries) {
    const d = e.data;
    const runId = text(d.runId);
    if (e.kind === 'campaign.enrolled' && runId) {
      runs.set(runId, { runId, campaignId: text(d.campaignId) ?? '', campaignName: text(d.campaignName) ?? 'Campaign', status: text(d.status) ?? 'PENDING', enrolledAt: e.occurredAt, endedAt: null, exitReason: null });
    } else if (e.kind.startsWith('campaign.') && runId) {
      ends.set(runId, { endedAt: e.occurredAt, exitReason: text(d.exitReason), status: text(d.status) });
    } else if (e.kind === 'event.registered') {
      registrations.push({ eventId: text(d.eventId) ?? '', eventName: text(d.eventName) ?? 'Event', startsAt: text(d.startsAt), status: text(d.status) ?? 'REGISTERED', registeredAt: e.occurredAt, checkedInAt: text(d.checkedInAt) });
    }
  }
  const enrollments = [...runs.values()].map((run) => {
    const end = ends.get(run.runId);
    return end ? { ...run, endedAt: end.endedAt, exitReason: end.exitReason, status: end.status ?? run.status } : run;
  });
  return { enrollments, registrations };
}
