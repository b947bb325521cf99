// The contact policy: may this email go to this candidate now? The organization
// sets it (Organization.settings.contactPolicy); a campaign may add to it
// (Campaign.contactPolicy), never loosen it. Pure: the send path gathers the
// facts under a per-candidate lock (check-contact-policy.ts) and this file
// decides. Suppression blocks every message; the rest applies to MARKETING only
// (transactional mail about an application ignores caps and quiet hours).
import { z } from 'zod';
import { instantOfLocal, isValidTimeZone, localDateTime } from '../../../workflows/graph/time-windows';

const DAY_MS = 86_400_000;

/** Preference-center topics: lower-case words ("jobs", "events", "newsletter"). */
export const ZTopic = z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, 'a topic: lower-case letters, digits, _ and -, at most 50');
/** The ContactPreference topic that stands for all marketing email (the one-click unsubscribe). */
export const ALL_MARKETING = 'all';
export const DEFAULT_TOPICS = ['jobs', 'events', 'newsletter'] as const;

const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time as HH:MM (00:00-23:59)');
const ZTimeZone = z.string().refine((tz) => tz.length <= 64 && isValidTimeZone(tz), 'not a known IANA time zone (e.g. Europe/Berlin)');
const ZPurpose = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'a consent purpose such as marketing or talent_pool');

export const ZQuietHours = z
  .object({ start: ZClockTime, end: ZClockTime })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type TQuietHours = z.infer<typeof ZQuietHours>;

export const ZFrequencyCap = z.object({ max: z.number().int().min(1).max(100), perDays: z.number().int().min(1).max(365) }).strict();
export type TFrequencyCap = z.infer<typeof ZFrequencyCap>;

/** Organization.settings.contactPolicy. Every field has its default spelled out; an empty object is the default policy. */
export const ZContactPolicy = z
  .object({
    /** Marketing needs the latest ConsentRecord of this purpose to be GRANTED; null = no consent required. */
    requireConsentPurpose: ZPurpose.nullable().default(null),
    /** No marketing between start and end, local to the candidate (wraps midnight when start > end). */
    quietHours: ZQuietHours.nullable().default(null),
    /** At most `max` marketing messages per `perDays` days per candidate, across every campaign and process. */
    frequencyCap: ZFrequencyCap.nullable().default(null),
    /** A reply after a run started stops that run's marketing (and every other run started before the reply). */
    stopOnReply: z.boolean().default(true),
    /** For candidates without a time zone. */
    defaultTimeZone: ZTimeZone.default('UTC'),
  })
  .strict();
export type TContactPolicy = z.infer<typeof ZContactPolicy>;

/** Campaign.contactPolicy: only additions. A cap or quiet hours here apply on top of the organization's. */
export const ZCampaignContactPolicy = z
  .object({
    requireConsentPurpose: ZPurpose.optional(),
    quietHours: ZQuietHours.optional(),
    frequencyCap: ZFrequencyCap.optional(),
    stopOnReply: z.literal(true, { message: 'a campaign can only turn stop-on-reply on; the organization\'s setting cannot be loosened' }).optional(),
  })
  .strict();
export type TCampaignContactPolicy = z.infer<typeof ZCampaignContactPolicy>;

/** The organization's policy with a campaign's additions: every constraint of either holds. */
export interface TEffectivePolicy {
  consentPurposes: string[];
  quietHours: TQuietHours[];
  frequencyCaps: TFrequencyCap[];
  stopOnReply: boolean;
  defaultTimeZone: string;
}

/** Stored settings are validated on write; a row edited by hand that no longer parses falls back to the defaults. */
export function readContactPolicy(stored: unknown): TContactPolicy {
  const parsed = ZContactPolicy.safeParse(stored ?? {});
  return parsed.success ? parsed.data : ZContactPolicy.parse({});
}

export function effectivePolicy(org: TContactPolicy, campaign?: TCampaignContactPolicy | null): TEffectivePolicy {
  const c = campaign ?? {};
  return {
    consentPurposes: [...new Set([org.requireConsentPurpose, c.requireConsentPurpose].filter((p): p is string => !!p))],
    quietHours: [org.quietHours, c.quietHours].filter((q): q is TQuietHours => !!q),
    frequencyCaps: [org.frequencyCap, c.frequencyCap].filter((f): f is TFrequencyCap => !!f),
    stopOnReply: org.stopOnReply || c.stopOnReply === true,
    defaultTimeZone: org.defaultTimeZone,
  };
}

export type TMessageCategory = 'TRANSACTIONAL' | 'MARKETING';
export type TSuppressReason = 'suppressed' | 'unsubscribed' | 'no_consent' | 'replied' | 'erased';
export type TDeferReason = 'quiet_hours' | 'frequency_cap';
export type TPolicyDecision =
  | { outcome: 'SEND' }
  | { outcome: 'SUPPRESSED'; reason: TSuppressReason }
  | { outcome: 'DEFERRED'; reason: TDeferReason; until: number };

/** What the send path knows about the candidate at send time. */
export interface TContactFacts {
  category: TMessageCategory;
  topic: string | null;
  now: number;
  isErased: boolean;
  isSuppressed: boolean;
  /** Topics the candidate opted out of (ALL_MARKETING included). */
  optedOutTopics: readonly string[];
  /** Latest consent status per purpose asked for. */
  consents: Readonly<Record<string, 'GRANTED' | 'WITHDRAWN'>>;
  lastRepliedAt: number | null;
  /** When the conversation this message belongs to started (the run's start); null outside a run. */
  conversationStartedAt: number | null;
  candidateTimeZone: string | null;
  /** When the candidate's other marketing messages were sent (or allowed to send), within the longest cap window. */
  recentMarketingAt: readonly number[];
}

export function decideContact(policy: TEffectivePolicy, facts: TContactFacts): TPolicyDecision {
  if (facts.isErased) return { outcome: 'SUPPRESSED', reason: 'erased' };
  if (facts.isSuppressed) return { outcome: 'SUPPRESSED', reason: 'suppressed' };
  if (facts.category !== 'MARKETING') return { outcome: 'SEND' };
  if (facts.optedOutTopics.includes(ALL_MARKETING) || (facts.topic && facts.optedOutTopics.includes(facts.topic))) return { outcome: 'SUPPRESSED', reason: 'unsubscribed' };
  if (policy.consentPurposes.some((p) => facts.consents[p] !== 'GRANTED')) return { outcome: 'SUPPRESSED', reason: 'no_consent' };
  if (policy.stopOnReply && facts.lastRepliedAt !== null && facts.conversationStartedAt !== null && facts.lastRepliedAt >= facts.conversationStartedAt) {
    return { outcome: 'SUPPRESSED', reason: 'replied' };
  }
  const timeZone = facts.candidateTimeZone && isValidTimeZone(facts.candidateTimeZone) ? facts.candidateTimeZone : policy.defaultTimeZone;
  const reason: TDeferReason | null = quietHoursEnd(policy.quietHours, facts.now, timeZone) !== null ? 'quiet_hours'
    : capFreesAt(policy.frequencyCaps, facts.now, facts.recentMarketingAt) !== null ? 'frequency_cap' : null;
  if (!reason) return { outcome: 'SEND' };
  // The first moment both allow: leaving quiet hours may meet the cap, and the cap may free inside quiet hours.
  let at = facts.now;
  for (let i = 0; i < 8; i++) {
    const next = quietHoursEnd(policy.quietHours, at, timeZone) ?? capFreesAt(policy.frequencyCaps, at, facts.recentMarketingAt);
    if (next === null) break;
    at = next;
  }
  return { outcome: 'DEFERRED', reason, until: at };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** When the quiet period `now` falls in ends (the latest end if several overlap), or null outside all of them. */
export function quietHoursEnd(windows: readonly TQuietHours[], now: number, timeZone: string): number | null {
  let end: number | null = null;
  let at = now;
  // Chained windows (one ends inside another) are followed to the last end.
  for (let hop = 0; hop <= windows.length; hop++) {
    const local = localDateTime(at, timeZone);
    const minute = local.hour * 60 + local.minute;
    const inside = windows.filter((w) => {
      const [s, e] = [minutesOf(w.start), minutesOf(w.end)];
      return s < e ? minute >= s && minute < e : minute >= s || minute < e;
    });
    if (!inside.length) break;
    const ends = inside.map((w) => {
      const e = minutesOf(w.end);
      const isTomorrow = minute >= e;
      const date = new Date(Date.UTC(local.year, local.month - 1, local.day + (isTomorrow ? 1 : 0)));
      return instantOfLocal({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(e / 60), minute: e % 60, second: 0 }, timeZone);
    });
    at = Math.max(...ends);
    end = at;
  }
  return end;
}

/** When every cap allows one more message (the oldest messages leave their windows), or null if they allow it now. */
export function capFreesAt(caps: readonly TFrequencyCap[], now: number, sentAt: readonly number[]): number | null {
  let frees: number | null = null;
  for (const cap of caps) {
    const windowMs = cap.perDays * DAY_MS;
    // A concurrent send may have stamped its message a moment after `now`: it counts too.
    const inWindow = sentAt.filter((t) => t > now - windowMs).sort((a, b) => a - b);
    if (inWindow.length < cap.max) continue;
    // The oldest (count - max + 1) must leave the window before one more fits.
    const at = inWindow[inWindow.length - cap.max]! + windowMs + 1;
    frees = frees === null ? at : Math.max(frees, at);
  }
  return frees;
}

/** The longest cap window: how far back the send path reads the candidate's marketing messages. */
export function longestCapWindowMs(policy: TEffectivePolicy): number {
  return Math.max(0, ...policy.frequencyCaps.map((c) => c.perDays * DAY_MS));
}
