import {
  capFreesAt, decideContact, effectivePolicy, quietHoursEnd, readContactPolicy, ZCampaignContactPolicy, ZContactPolicy,
  type TContactFacts, type TEffectivePolicy,
} from '../../../api/services/messaging/contact-policy';

const DAY = 86_400_000;
/** Monday 2 June 2025, 10:00 UTC (12:00 in Berlin, 03:00 in Los Angeles). */
const NOW = Date.UTC(2025, 5, 2, 10, 0, 0);

const policy = (over: Partial<TEffectivePolicy> = {}): TEffectivePolicy => ({
  consentPurposes: [], quietHours: [], frequencyCaps: [], stopOnReply: true, defaultTimeZone: 'UTC', ...over,
});
const facts = (over: Partial<TContactFacts> = {}): TContactFacts => ({
  category: 'MARKETING', topic: 'jobs', now: NOW, isErased: false, isSuppressed: false, optedOutTopics: [], consents: {},
  lastRepliedAt: null, conversationStartedAt: null, candidateTimeZone: null, recentMarketingAt: [], ...over,
});

describe('decideContact', () => {
  test('sends when nothing holds it back', () => {
    expect(decideContact(policy(), facts())).toEqual({ outcome: 'SEND' });
  });

  test('suppression and erasure stop every category; transactional mail ignores the rest', () => {
    expect(decideContact(policy(), facts({ isSuppressed: true, category: 'TRANSACTIONAL' }))).toEqual({ outcome: 'SUPPRESSED', reason: 'suppressed' });
    expect(decideContact(policy(), facts({ isErased: true, category: 'TRANSACTIONAL' }))).toEqual({ outcome: 'SUPPRESSED', reason: 'erased' });
    const strict = policy({ consentPurposes: ['marketing'], quietHours: [{ start: '00:00', end: '23:59' }], frequencyCaps: [{ max: 1, perDays: 7 }] });
    expect(decideContact(strict, facts({ category: 'TRANSACTIONAL', optedOutTopics: ['all'], recentMarketingAt: [NOW - 1000] }))).toEqual({ outcome: 'SEND' });
  });

  test('an opt-out of all marketing or of the message\'s topic suppresses it; other topics do not', () => {
    expect(decideContact(policy(), facts({ optedOutTopics: ['all'] }))).toEqual({ outcome: 'SUPPRESSED', reason: 'unsubscribed' });
    expect(decideContact(policy(), facts({ optedOutTopics: ['jobs'] }))).toEqual({ outcome: 'SUPPRESSED', reason: 'unsubscribed' });
    expect(decideContact(policy(), facts({ optedOutTopics: ['events'] }))).toEqual({ outcome: 'SEND' });
    expect(decideContact(policy(), facts({ topic: null, optedOutTopics: ['jobs'] }))).toEqual({ outcome: 'SEND' });
  });

  test('consent: the latest record of each required purpose must be GRANTED', () => {
    const p = policy({ consentPurposes: ['marketing'] });
    expect(decideContact(p, facts())).toEqual({ outcome: 'SUPPRESSED', reason: 'no_consent' });
    expect(decideContact(p, facts({ consents: { marketing: 'WITHDRAWN' } }))).toEqual({ outcome: 'SUPPRESSED', reason: 'no_consent' });
    expect(decideContact(p, facts({ consents: { marketing: 'GRANTED' } }))).toEqual({ outcome: 'SEND' });
  });

  test('stop on reply: a reply since the run started suppresses; an older one, or none, does not', () => {
    const started = NOW - 3 * DAY;
    expect(decideContact(policy(), facts({ conversationStartedAt: started, lastRepliedAt: NOW - DAY }))).toEqual({ outcome: 'SUPPRESSED', reason: 'replied' });
    expect(decideContact(policy(), facts({ conversationStartedAt: started, lastRepliedAt: started - DAY }))).toEqual({ outcome: 'SEND' });
    expect(decideContact(policy(), facts({ conversationStartedAt: null, lastRepliedAt: NOW - DAY }))).toEqual({ outcome: 'SEND' });
    expect(decideContact(policy({ stopOnReply: false }), facts({ conversationStartedAt: started, lastRepliedAt: NOW - DAY }))).toEqual({ outcome: 'SEND' });
  });

  test('quiet hours in the candidate\'s zone defer to the local end of the quiet period', () => {
    const p = policy({ quietHours: [{ start: '20:00', end: '08:00' }] });
    // 03:00 in Los Angeles (PDT, UTC-7): quiet until 08:00 local = 15:00 UTC.
    expect(decideContact(p, facts({ candidateTimeZone: 'America/Los_Angeles' }))).toEqual({ outcome: 'DEFERRED', reason: 'quiet_hours', until: Date.UTC(2025, 5, 2, 15, 0, 0) });
    // 12:00 in Berlin: send.
    expect(decideContact(p, facts({ candidateTimeZone: 'Europe/Berlin' }))).toEqual({ outcome: 'SEND' });
    // No zone on the candidate: the organization's default zone.
    expect(decideContact({ ...p, defaultTimeZone: 'America/Los_Angeles' }, facts())).toMatchObject({ outcome: 'DEFERRED', reason: 'quiet_hours' });
    // An unknown zone falls back too (UTC, 10:00: outside).
    expect(decideContact(p, facts({ candidateTimeZone: 'Mars/Olympus' }))).toEqual({ outcome: 'SEND' });
  });

  test('a quiet period that does not wrap midnight, and one that ends tomorrow', () => {
    expect(quietHoursEnd([{ start: '09:00', end: '11:30' }], NOW, 'UTC')).toBe(Date.UTC(2025, 5, 2, 11, 30));
    expect(quietHoursEnd([{ start: '22:00', end: '07:00' }], Date.UTC(2025, 5, 2, 23, 0), 'UTC')).toBe(Date.UTC(2025, 5, 3, 7, 0));
    expect(quietHoursEnd([{ start: '22:00', end: '07:00' }], Date.UTC(2025, 5, 2, 21, 59), 'UTC')).toBeNull();
    // Two overlapping periods: the later end.
    expect(quietHoursEnd([{ start: '09:00', end: '11:00' }, { start: '10:30', end: '12:00' }], NOW, 'UTC')).toBe(Date.UTC(2025, 5, 2, 12, 0));
  });

  test('the frequency cap defers until the oldest counted message leaves the window', () => {
    const p = policy({ frequencyCaps: [{ max: 2, perDays: 7 }] });
    expect(decideContact(p, facts({ recentMarketingAt: [NOW - DAY] }))).toEqual({ outcome: 'SEND' });
    const sent = [NOW - 5 * DAY, NOW - DAY];
    expect(decideContact(p, facts({ recentMarketingAt: sent }))).toEqual({ outcome: 'DEFERRED', reason: 'frequency_cap', until: NOW + 2 * DAY + 1 });
    // Messages older than the window do not count.
    expect(decideContact(p, facts({ recentMarketingAt: [NOW - 8 * DAY, NOW - DAY] }))).toEqual({ outcome: 'SEND' });
    expect(capFreesAt([{ max: 1, perDays: 1 }, { max: 3, perDays: 30 }], NOW, [NOW - 20 * DAY, NOW - 10 * DAY, NOW - 1000])).toBe(NOW - 20 * DAY + 30 * DAY + 1);
  });

  test('a cap that frees inside quiet hours waits for their end as well', () => {
    const p = policy({ quietHours: [{ start: '20:00', end: '08:00' }], frequencyCaps: [{ max: 1, perDays: 1 }] });
    // Sent at 12:00 UTC yesterday... frees at 12:00 today; now is 10:00 (no quiet hours) -> cap.
    expect(decideContact(p, facts({ recentMarketingAt: [NOW - DAY + 2 * 3_600_000] }))).toEqual({ outcome: 'DEFERRED', reason: 'frequency_cap', until: NOW + 2 * 3_600_000 + 1 });
    // Sent at 21:00 yesterday: the cap frees at 21:00 today, inside quiet hours -> 08:00 tomorrow.
    const sentAt = Date.UTC(2025, 5, 1, 21, 0);
    expect(decideContact(p, facts({ recentMarketingAt: [sentAt] }))).toEqual({ outcome: 'DEFERRED', reason: 'frequency_cap', until: Date.UTC(2025, 5, 3, 8, 0) });
  });
});

describe('the policies', () => {
  test('an empty organization policy is the documented default', () => {
    expect(readContactPolicy(undefined)).toEqual({ requireConsentPurpose: null, quietHours: null, frequencyCap: null, stopOnReply: true, defaultTimeZone: 'UTC' });
    expect(readContactPolicy({ quietHours: 'always' })).toEqual(readContactPolicy({}));
  });

  test('validation names the field and the reason', () => {
    const bad = ZContactPolicy.safeParse({ quietHours: { start: '25:00', end: '08:00' }, frequencyCap: { max: 0, perDays: 7 }, defaultTimeZone: 'Mars/Base', extra: 1 });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['quietHours.start', 'frequencyCap.max', 'defaultTimeZone', '']));
    expect(ZContactPolicy.safeParse({ quietHours: { start: '08:00', end: '08:00' } }).error!.issues[0]!.path).toEqual(['quietHours', 'end']);
  });

  test('a campaign adds constraints and cannot loosen the organization\'s', () => {
    expect(ZCampaignContactPolicy.safeParse({ stopOnReply: false }).success).toBe(false);
    const org = readContactPolicy({ requireConsentPurpose: 'marketing', frequencyCap: { max: 3, perDays: 7 }, stopOnReply: true });
    const merged = effectivePolicy(org, ZCampaignContactPolicy.parse({ requireConsentPurpose: 'talent_pool', frequencyCap: { max: 1, perDays: 7 }, quietHours: { start: '18:00', end: '09:00' } }));
    expect(merged).toEqual({
      consentPurposes: ['marketing', 'talent_pool'], quietHours: [{ start: '18:00', end: '09:00' }],
      frequencyCaps: [{ max: 3, perDays: 7 }, { max: 1, perDays: 7 }], stopOnReply: true, defaultTimeZone: 'UTC',
    });
    expect(effectivePolicy(readContactPolicy({ stopOnReply: false }), { stopOnReply: true }).stopOnReply).toBe(true);
  });
});
