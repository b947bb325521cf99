import { retentionStep } from '../../../api/services/data-rights/sweep-retention';

describe('retentionStep', () => {
  const policy = { months: 12, renewalNoticeDays: 14 };
  const now = new Date('2026-06-01T00:00:00Z');
  test('notify once, wait out the notice, erase after; no address: erase when expired', () => {
    const expired = new Date('2025-05-01T00:00:00Z');
    expect(retentionStep(policy, { id: 'a', hasEmail: true, lastActivityAt: expired, noticedAt: null }, now)).toBe('notify');
    expect(retentionStep(policy, { id: 'a', hasEmail: true, lastActivityAt: expired, noticedAt: new Date('2026-05-25T00:00:00Z') }, now)).toBe('wait');
    expect(retentionStep(policy, { id: 'a', hasEmail: true, lastActivityAt: expired, noticedAt: new Date('2026-05-18T00:00:00Z') }, now)).toBe('erase');
    expect(retentionStep(policy, { id: 'a', hasEmail: false, lastActivityAt: expired, noticedAt: null }, now)).toBe('erase');
    const soon = new Date('2025-06-10T00:00:00Z');
    expect(retentionStep(policy, { id: 'a', hasEmail: true, lastActivityAt: soon, noticedAt: new Date('2026-05-01T00:00:00Z') }, now)).toBe('wait');
    expect(retentionStep(policy, { id: 'a', hasEmail: false, lastActivityAt: soon, noticedAt: null }, now)).toBe('wait');
  });
});
