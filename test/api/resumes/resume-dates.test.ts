import { findDateRanges, findStatedYears, mergedMonths } from '../../../api/resumes/resume-dates';

const NOW = new Date(Date.UTC(2026, 0, 15));
const ranges = (text: string) => findDateRanges(text, NOW).map((r) => [r.startText, r.endText, r.end - r.start]);

describe('findDateRanges', () => {
  it.each([
    ['Senior Engineer, Acme\tJan 2018 – Present', [['2018-01', null, 97]]], // inclusive of this month, as LinkedIn counts
    ['January, 2018 - current', [['2018-01', null, 97]]],
    ['Sept. 2012 to Aug. 2014', [['2012-09', '2014-08', 24]]],
    ['03/2017 - 05/2019', [['2017-03', '2019-05', 27]]],
    ['2019.03 – 2020.11', [['2019-03', '2020-11', 21]]],
    ['2015-2019', [['2015', '2019', 48]]], // bare years are mid-year to mid-year
    ['(2019 – 2019)', [['2019', '2019', 6]]],
    ['Summer 2019 – Fall 2019', [['2019-07', '2019-10', 4]]],
    ['Engineer at Initech (since 2020)', [['2020', null, 67]]],
    ['Jan 2010 – Mar 2012; Apr 2012 — Dec 2013', [['2010-01', '2012-03', 27], ['2012-04', '2013-12', 21]]],
  ])('%s', (text, expected) => {
    expect(ranges(text)).toEqual(expected);
  });

  it.each([
    'Call 415-555-0134',
    'worked with Python since 2010 and loved it',
    'Dec 2030 – Present', // starts in the future
    'scored 1200-1500 on the SAT',
    'ISO 9001-2015 certified',
  ])('finds no range in %j', (text) => {
    expect(ranges(text)).toEqual([]);
  });
});

describe('mergedMonths', () => {
  it('counts overlapping and back-to-back ranges once and gaps not at all', () => {
    expect(mergedMonths([{ start: 0, end: 12 }, { start: 6, end: 18 }, { start: 18, end: 20 }, { start: 30, end: 36 }])).toBe(26);
    expect(mergedMonths([{ start: 10, end: 20 }, { start: 0, end: 40 }])).toBe(40);
    expect(mergedMonths([])).toBe(0);
  });
});

describe('findStatedYears', () => {
  it('takes the largest explicit claim', () => {
    expect(findStatedYears('Engineer with 8+ years of experience; over 10 years of professional software experience.')).toBe(10);
    expect(findStatedYears('5 yrs. experience in retail')).toBe(5);
    expect(findStatedYears('Managed 12 years of archives')).toBeUndefined();
    expect(findStatedYears('Founded in 1999; 400 years of experience combined')).toBeUndefined();
  });
});
