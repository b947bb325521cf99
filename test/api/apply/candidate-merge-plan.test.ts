import { planSurvivorChange } from '../../../api/merge/candidate-merge-plan';

describe('planSurvivorChange', () => {
  test('empty survivor fields take the duplicate value; lists become the union; before holds the old values', () => {
    const survivor = { phone: null, headline: 'Engineer', skills: ['go'], tags: [], links: {}, linkKeys: ['github.com/a'], currentResumeId: null, resumeText: null };
    const merged = { phone: '+1 415', headline: 'Manager', skills: ['go', 'rust'], tags: ['alumni'], links: { linkedin: 'x' }, linkKeys: ['github.com/a'], currentResumeId: 'r1', resumeText: 'text' };
    expect(planSurvivorChange(survivor, merged)).toEqual({
      after: { phone: '+1 415', skills: ['go', 'rust'], tags: ['alumni'], links: { linkedin: 'x' }, currentResumeId: 'r1', resumeText: 'text' },
      before: { phone: null, skills: ['go'], tags: [], links: {}, currentResumeId: null, resumeText: null },
    });
  });
  test('the resume text is not taken without its resume', () => {
    const change = planSurvivorChange({ currentResumeId: 'mine', resumeText: null }, { currentResumeId: 'theirs', resumeText: 'their text' });
    expect(change).toEqual({ after: {}, before: {} });
  });
  test('nothing to take: no change', () => {
    expect(planSurvivorChange({ phone: '1', skills: ['a'] }, { phone: '2', skills: ['a'] })).toEqual({ after: {}, before: {} });
  });
});
