// Branch conditions: strict, typed comparisons over run variables. A comparison
// that does not type-check is false rather than coerced.
import { evaluateCondition, readField, ZCondition, type TCondition } from '../../../workflows/graph/conditions';

const vars = {
  feedback: { score: 3, recommendation: 'yes', notes: '', tags: ['python', 'remote'], isReferral: false, rejectedBy: null },
  candidate: { firstName: 'Ada', phone: null, address: { city: 'Lisbon' } },
  application: { stage: 'screening' },
};

const holds = (field: string, op: TCondition['op'], value?: TCondition['value']) => evaluateCondition({ field, op, value }, vars);

describe('evaluateCondition', () => {
  it('eq / neq compare strictly, without coercion', () => {
    expect(holds('feedback.score', 'eq', 3)).toBe(true);
    expect(holds('feedback.score', 'eq', '3')).toBe(false);
    expect(holds('feedback.isReferral', 'eq', false)).toBe(true);
    expect(holds('feedback.score', 'neq', 4)).toBe(true);
    expect(holds('feedback.score', 'neq', 3)).toBe(false);
  });

  it('gt / gte / lt / lte compare numbers at the boundary', () => {
    expect([holds('feedback.score', 'gt', 3), holds('feedback.score', 'gt', 2)]).toEqual([false, true]);
    expect([holds('feedback.score', 'gte', 3), holds('feedback.score', 'gte', 4)]).toEqual([true, false]);
    expect([holds('feedback.score', 'lt', 3), holds('feedback.score', 'lt', 4)]).toEqual([false, true]);
    expect([holds('feedback.score', 'lte', 3), holds('feedback.score', 'lte', 2)]).toEqual([true, false]);
  });

  it('ordering operators are false when either side is not a number', () => {
    expect(holds('feedback.recommendation', 'gte', 1)).toBe(false);
    expect(holds('feedback.score', 'gte', '1')).toBe(false);
    expect(holds('feedback.notes', 'lt', 1)).toBe(false);
    expect(holds('feedback.rejectedBy', 'lte', 1)).toBe(false);
  });

  it('in checks membership of the value list', () => {
    expect(holds('application.stage', 'in', ['screening', 'interview'])).toBe(true);
    expect(holds('application.stage', 'in', ['offer'])).toBe(false);
    expect(holds('application.stage', 'in', 'screening')).toBe(false);
  });

  it('contains looks into arrays and strings', () => {
    expect(holds('feedback.tags', 'contains', 'remote')).toBe(true);
    expect(holds('feedback.tags', 'contains', 'java')).toBe(false);
    expect(holds('candidate.firstName', 'contains', 'd')).toBe(true);
    expect(holds('candidate.firstName', 'contains', 'z')).toBe(false);
    expect(holds('feedback.score', 'contains', 3)).toBe(false);
  });

  it('exists is false for null and missing fields, true for falsy values', () => {
    expect(holds('feedback.score', 'exists')).toBe(true);
    expect(holds('feedback.notes', 'exists')).toBe(true);
    expect(holds('feedback.isReferral', 'exists')).toBe(true);
    expect(holds('candidate.phone', 'exists')).toBe(false);
    expect(holds('candidate.email', 'exists')).toBe(false);
  });

  it('treats a field below a missing or scalar value as missing', () => {
    expect(holds('offer.salary', 'gte', 0)).toBe(false);
    expect(holds('offer.salary', 'exists')).toBe(false);
    expect(holds('candidate.firstName.length', 'exists')).toBe(false);
    expect(holds('candidate.phone.country', 'eq', 'PT')).toBe(false);
  });

  it('reads nested paths and array indexes', () => {
    expect(holds('candidate.address.city', 'eq', 'Lisbon')).toBe(true);
    expect(readField(vars, 'feedback.tags.1')).toBe('remote');
  });
});

describe('ZCondition', () => {
  it('requires a value except for exists', () => {
    expect(ZCondition.safeParse({ field: 'feedback.score', op: 'exists' }).success).toBe(true);
    const missing = ZCondition.safeParse({ field: 'feedback.score', op: 'gte' });

    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['value']);
  });

  it('rejects fields that are not dotted paths and unknown operators', () => {
    expect(ZCondition.safeParse({ field: 'feedback..score', op: 'eq', value: 1 }).success).toBe(false);
    expect(ZCondition.safeParse({ field: 'feedback[0]', op: 'eq', value: 1 }).success).toBe(false);
    expect(ZCondition.safeParse({ field: 'feedback.score', op: 'matches', value: '.*' }).success).toBe(false);
  });
});
