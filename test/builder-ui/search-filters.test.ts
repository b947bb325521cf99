// The search page keeps its filters in the address: what goes in comes back
// out the same, junk in the address is dropped rather than sent to the API,
// and the highlighted words leave out negations, operators and quotes.
import { paramsFromSearchQuery, searchQueryFromParams } from '../../builder-ui/src/components/search-filters';
import { highlightTerms } from '../../builder-ui/src/components/search-result-row';
import type { CandidateSearchQuery } from '../../builder-ui/src/api-types';

test('a full query survives the round trip through the address', () => {
  const query: CandidateSearchQuery = {
    q: 'go "event streaming" -php', skills: ['go', 'kafka'], minYears: 3, maxYears: 12.5, location: { countryCode: 'DE', city: 'Berlin' },
    tags: ['silver-medalist'], jobId: 'job1', stageId: 'stage1', source: 'referral', status: 'REJECTED', sort: 'relevance',
  };
  const text = paramsFromSearchQuery(query);
  expect(text).toContain('skills=go%2Ckafka');
  expect(searchQueryFromParams(new URLSearchParams(text))).toEqual(query);
});

test('empty, unknown and inconsistent values in the address are dropped', () => {
  const params = new URLSearchParams('q=%20%20&skills=,%20,&minYears=lots&city=Paris&status=MAYBE&sort=relevance&extra=1');
  // No keywords: relevance would be refused by the API, so the page asks for recency; a city needs a country.
  expect(searchQueryFromParams(params)).toEqual({});
  expect(paramsFromSearchQuery({})).toBe('');
});

test('highlighted terms are the plain words of the query', () => {
  expect(highlightTerms('Go "event streaming" -php or c++')).toEqual(['Go', 'event', 'streaming', 'c++']);
  expect(highlightTerms(undefined)).toEqual([]);
  expect(highlightTerms('a')).toEqual([]);
});
