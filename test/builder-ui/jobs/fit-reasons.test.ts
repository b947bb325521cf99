// The Fit view's wording of a ranking, fed by the scorer itself (api/services/fit/score-fit.ts), so a change
// of its reason text that the view could no longer split into matched and missing skills fails here: every
// skill shows once, on the side the score counted it; what the job is ranked against; when it names nothing.
import { jobRequirements, type TJobForFit } from '../../../api/services/fit/job-requirements';
import { scoreFit } from '../../../api/services/fit/score-fit';
import { describeRequirements, hasFitRequirements, skillMatch } from '../../../builder-ui/src/jobs/fit-reasons';

const berlinJob: TJobForFit = {
  title: 'Senior Backend Engineer',
  description: 'We build in Rust and Postgres, with Kafka and k8s.\nYou have 5+ years of experience.\n\n## Nice to have\nTerraform, Golang',
  remotePolicy: 'HYBRID', remoteCountries: [], locations: [{ city: 'Berlin', countryCode: 'de' }],
};
const req = jobRequirements(berlinJob);
const component = (skills: string[], key: 'requiredSkills' | 'niceSkills') =>
  scoreFit(req, { skills, yearsExperience: 6, city: 'Berlin', countryCode: 'DE' }).components.find((c) => c.key === key)!;

test('a skills reason splits into the skills matched and the skills missing, as the score counted them', () => {
  expect(skillMatch(component(['rust', 'postgresql', 'kafka', 'go'], 'requiredSkills'))).toEqual({ matched: ['kafka', 'postgresql', 'rust'], missing: ['kubernetes'] });
  expect(skillMatch(component(['rust', 'postgresql', 'kafka', 'kubernetes'], 'requiredSkills'))).toEqual({ matched: ['kafka', 'kubernetes', 'postgresql', 'rust'], missing: [] });
  expect(skillMatch(component([], 'requiredSkills'))).toEqual({ matched: [], missing: ['kafka', 'kubernetes', 'postgresql', 'rust'] });
  expect(skillMatch(component(['terraform'], 'niceSkills'))).toEqual({ matched: ['terraform'], missing: ['go'] });
});

test('experience and location reasons are not skills: shown as the scorer words them', () => {
  const fit = scoreFit(req, { skills: [], yearsExperience: 6, city: 'Munich', countryCode: 'DE' });
  expect(fit.components.filter((c) => skillMatch(c) === null).map((c) => c.key)).toEqual(['experience', 'location']);
});

test('what the job is ranked against, and a job that names nothing to rank against', () => {
  expect(describeRequirements(req)).toEqual([
    { label: 'Required skills', value: 'kafka, kubernetes, postgresql, rust' },
    { label: 'Nice to have', value: 'go, terraform' },
    { label: 'Experience', value: '5+ years' },
    { label: 'Location', value: 'Berlin, DE (hybrid)' },
  ]);
  expect(describeRequirements(jobRequirements({ ...berlinJob, remotePolicy: 'REMOTE', remoteCountries: ['de', 'at'] })).at(-1)).toEqual({ label: 'Location', value: 'remote from DE, AT' });
  const bare = jobRequirements({ title: 'Office Manager', description: 'Keep the office running.', remotePolicy: 'ONSITE', remoteCountries: [], locations: [] });
  expect(hasFitRequirements(bare)).toBe(false);
  expect(hasFitRequirements({ ...bare, remotePolicy: 'REMOTE' })).toBe(true);
  expect(hasFitRequirements(req)).toBe(true);
});
