// The fit score's pure parts: requirements derived from a job's title and description (vocabulary skills,
// required vs nice to have, years asked), and each component's points and reason against hand-computed values.
import { jobRequirements, type TJobForFit } from '../../../api/services/fit/job-requirements';
import { scoreFit } from '../../../api/services/fit/score-fit';

const berlinJob: TJobForFit = {
  title: 'Senior Backend Engineer',
  description: 'We build in Rust and Postgres, with Kafka and k8s.\nYou have 5+ years of experience.\n\n## Nice to have\nTerraform, Golang',
  remotePolicy: 'ONSITE', remoteCountries: [], locations: [{ city: 'Berlin', countryCode: 'de' }],
};

test('requirements: vocabulary skills by canonical name, the nice-to-have part apart, the years asked', () => {
  expect(jobRequirements(berlinJob)).toEqual({
    requiredSkills: ['kafka', 'kubernetes', 'postgresql', 'rust'], niceSkills: ['go', 'terraform'], minYears: 5,
    remotePolicy: 'ONSITE', remoteCountries: [], locations: [{ city: 'Berlin', countryCode: 'DE' }],
  });
  expect(jobRequirements({ ...berlinJob, description: 'Join us. 3-5 years in support.' })).toMatchObject({ requiredSkills: [], niceSkills: [], minYears: 3 });
});

test('a weighted sum with each component\'s points and reason', () => {
  const req = jobRequirements(berlinJob);
  const fit = scoreFit(req, { skills: ['rust', 'postgresql', 'kafka', 'go'], yearsExperience: 8, city: 'Berlin', countryCode: 'DE' });
  // 50 · 3/4 + 10 · 1/2 + 25 + 15 = 82.5 of 100.
  expect(fit).toEqual({
    score: 82.5,
    components: [
      { key: 'requiredSkills', points: 37.5, maxPoints: 50, reason: 'matches 3 of 4 required skills: kafka, postgresql, rust; missing: kubernetes', skills: { matched: ['kafka', 'postgresql', 'rust'], missing: ['kubernetes'] } },
      { key: 'niceSkills', points: 5, maxPoints: 10, reason: 'matches 1 of 2 nice-to-have skills: go; missing: terraform', skills: { matched: ['go'], missing: ['terraform'] } },
      { key: 'experience', points: 25, maxPoints: 25, reason: '8 years, asks 5+' },
      { key: 'location', points: 15, maxPoints: 15, reason: 'in Berlin, DE, job is in Berlin, DE' },
    ],
    notScored: [],
  });
  // 2 years of 5 → 10 points; Munich, same country, on-site → 7.5; no skills → 0: 17.5.
  const junior = scoreFit(req, { skills: [], yearsExperience: 2, city: 'Munich', countryCode: 'DE' });
  expect(junior.score).toBe(17.5);
  expect(junior.components.map((c) => c.reason)).toEqual([
    'matches 0 of 4 required skills; missing: kafka, kubernetes, postgresql, rust', 'matches 0 of 2 nice-to-have skills; missing: go, terraform',
    '2 years, asks 5+', 'in Munich, DE, same country as the job (Berlin, DE), another city',
  ]);
  expect(scoreFit(req, { skills: [], yearsExperience: null, city: null, countryCode: null }).components.map((c) => c.reason).slice(2)).toEqual(['years of experience unknown, asks 5+', 'location unknown, job is in Berlin, DE']);
});

test('remote jobs, and components the job gives nothing to score against', () => {
  const remote = jobRequirements({ title: 'Support Agent', description: 'Help our customers.', remotePolicy: 'REMOTE', remoteCountries: ['DE', 'AT'], locations: [] });
  const fit = scoreFit(remote, { skills: ['rust'], yearsExperience: 1, city: 'Vienna', countryCode: 'AT' });
  // Only location is scored: 15 of 15 → 100.
  expect(fit).toEqual({
    score: 100,
    components: [{ key: 'location', points: 15, maxPoints: 15, reason: 'in Vienna, AT, job is remote from DE, AT' }],
    notScored: [{ key: 'requiredSkills', reason: 'the job names no skills of the vocabulary' }, { key: 'experience', reason: 'the job asks no years of experience' }],
  });
  expect(scoreFit(remote, { skills: [], yearsExperience: null, city: 'Paris', countryCode: 'FR' }).score).toBe(0);
  const nothing = jobRequirements({ title: 'Helper', description: '', remotePolicy: 'ONSITE', remoteCountries: [], locations: [] });
  expect(scoreFit(nothing, { skills: ['rust'], yearsExperience: 3, city: null, countryCode: null })).toMatchObject({ score: 0, components: [] });
});
