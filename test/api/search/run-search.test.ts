import { firstSliceWidth, SLICE_PAGES } from '../../../api/search/run-search';

const HOUR = 3_600_000;
const span = { oldest: 0, newest: 1000 * HOUR };
/** The benchmark's organization: 1,000,000 profiles, a word in 0.47 % of them. */
const midWord = { keywordRows: 4_700, matchingRows: 4_700, walkedRows: 1_000_000 };

describe('firstSliceWidth', () => {
  test('sized to hold SLICE_PAGES pages of the estimated matches, spread evenly', () => {
    // 4,700 matches over 1,000 hours: 4.7 an hour; three pages of 26 rows need 78 rows, about 16.6 hours.
    expect(firstSliceWidth(span, span.newest, midWord, 25)! / HOUR).toBeCloseTo((SLICE_PAGES * 26) / 4.7, 6);
  });

  test('below a cursor the matches come at the same rate: the same width', () => {
    expect(firstSliceWidth(span, 500 * HOUR, midWord, 25)).toBeCloseTo(firstSliceWidth(span, span.newest, midWord, 25)!, 6);
  });

  test('profiles newer than the span read (the span is kept a minute) widen the slice by their time', () => {
    expect(firstSliceWidth(span, span.newest + HOUR, midWord, 25)! - firstSliceWidth(span, span.newest, midWord, 25)!).toBeCloseTo(HOUR, 6);
  });

  test.each([
    // 100 matches: a three-page slice is 78 % of the history, and puts 780,000 profiles in the bitmap.
    ['a rare word: the whole read fetches only its few matches', { keywordRows: 100, matchingRows: 100, walkedRows: 1_000_000 }, span.newest],
    // Filters leave 500 of the 4,700: the slice must be 15.6 % of the history (156,000 profiles in the bitmap).
    ['a mid word narrowed by filters: the slice would be wide', { keywordRows: 4_700, matchingRows: 500, walkedRows: 1_000_000 }, span.newest],
    ['no matches expected', { keywordRows: 0, matchingRows: 0, walkedRows: 1_000_000 }, span.newest],
    ['a cursor 10 hours above the oldest profile: the slice would be all that is left', midWord, 10 * HOUR],
  ])('none when it would not pay: %s', (_name, estimates, top) => {
    expect(firstSliceWidth(span, top, estimates, 25)).toBeNull();
  });

  test('none for an empty history', () => {
    expect(firstSliceWidth({ oldest: 5, newest: 5 }, 5, midWord, 25)).toBeNull();
  });
});
