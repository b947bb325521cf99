// Matching an open job against a job alert's criteria: AND across criteria, OR
// within one, keywords folded for case and accents, locations as the careers
// page's filter reads them (an office there, or remote work open to that country).
import { describeCriteria, jobMatchesAlert, ZJobAlertCriteria } from '../../../api/services/job-alerts/job-alert-criteria';

const job = (over: Record<string, unknown> = {}) => ({
  title: 'Senior Backend Engineer', department: 'Engineering', remotePolicy: 'ONSITE' as const, remoteCountries: [] as string[], employmentType: 'FULL_TIME' as const,
  jobLocations: [{ streetAddress: null, city: 'Berlin', region: null, postalCode: null, countryCode: 'DE' }], ...over,
});
const criteria = (c: Record<string, unknown>) => ZJobAlertCriteria.parse(c);

test('no criteria: every job', () => {
  expect(jobMatchesAlert(job(), criteria({}))).toBe(true);
  expect(describeCriteria(criteria({}))).toBe('all new jobs');
});

test('keywords: any of them in the title or department, whatever the case and accents', () => {
  expect(jobMatchesAlert(job(), criteria({ keywords: ['BACKEND'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ keywords: ['frontend', 'engineering'] }))).toBe(true);
  expect(jobMatchesAlert(job({ title: 'Ingénieure logiciel' }), criteria({ keywords: ['ingenieure'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ keywords: ['designer'] }))).toBe(false);
});

test('departments, remote policies and employment types: one of the values', () => {
  expect(jobMatchesAlert(job(), criteria({ departments: ['engineering', 'Design'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ departments: ['Design'] }))).toBe(false);
  expect(jobMatchesAlert(job(), criteria({ remotePolicies: ['HYBRID', 'ONSITE'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ remotePolicies: ['REMOTE'] }))).toBe(false);
  expect(jobMatchesAlert(job(), criteria({ employmentTypes: ['PART_TIME'] }))).toBe(false);
});

test('locations: a country, a city in it, or remote work open to the country', () => {
  expect(jobMatchesAlert(job(), criteria({ locations: ['DE'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ locations: ['DE:Berlin'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ locations: ['DE:Munich', 'FR'] }))).toBe(false);
  const remote = job({ remotePolicy: 'REMOTE', remoteCountries: ['PL', 'DE'], jobLocations: [] });
  expect(jobMatchesAlert(remote, criteria({ locations: ['PL'] }))).toBe(true);
  expect(jobMatchesAlert(remote, criteria({ locations: ['PL:Warsaw'] }))).toBe(false);
});

test('all criteria must hold', () => {
  expect(jobMatchesAlert(job(), criteria({ keywords: ['backend'], locations: ['DE'], employmentTypes: ['FULL_TIME'] }))).toBe(true);
  expect(jobMatchesAlert(job(), criteria({ keywords: ['backend'], locations: ['FR'] }))).toBe(false);
});

test('criteria are strict', () => {
  expect(ZJobAlertCriteria.safeParse({ salary: 1 }).success).toBe(false);
  expect(ZJobAlertCriteria.safeParse({ locations: ['Germany'] }).success).toBe(false);
  expect(ZJobAlertCriteria.safeParse({ keywords: ['x'] }).success).toBe(false);
});
