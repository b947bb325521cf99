import { firstSliceWidth, MAX_SLICE_SHARE, SLICE_PAGES } from '../../../api/search/run-search';

const HOUR = 3_600_000;
const span = { oldest: 0, newest: 1000 * HOUR };

describe('firstSliceWidth', () => {
  test('sized to hold SLICE_PAGES pages of the estimated matches, spread evenly', () => {
    // 4,700 matches over 1,000 hours: 4.7 an hour; three pages of 26 rows need 78 rows, about 16.6 hours.
    expect(firstSliceWidth(span, span.newest, 4_700, 25)! / HOUR).toBeCloseTo((SLICE_PAGES * 26) / 4.7, 6);
  });

  test('below a cursor, only the history under it counts', () => {
    // Half the history lies under the cursor, and half the matches with it: the same rate, the same width.
    expect(firstSliceWidth(span, 500 * HOUR, 4_700, 25)).toBeCloseTo(firstSliceWidth(span, span.newest, 4_700, 25)!, 6);
  });

  test('profiles newer than the span read (the span is kept a minute) widen the slice by their time', () => {
    expect(firstSliceWidth(span, span.newest + HOUR, 4_700, 25)! - firstSliceWidth(span, span.newest, 4_700, 25)!).toBeCloseTo(HOUR, 6);
  });

  test.each([
    ['few matches: the slice would be most of the history', 100],
    ['exactly at the share where slicing stops paying', (SLICE_PAGES * 26) / MAX_SLICE_SHARE],
    ['no matches expected', 0],
  ])('none when it would not pay: %s', (_name, matches) => {
    expect(firstSliceWidth(span, span.newest, matches, 25)).toBeNull();
  });

  test('none for an empty history or a cursor at its very start', () => {
    expect(firstSliceWidth({ oldest: 5, newest: 5 }, 5, 4_700, 25)).toBeNull();
    expect(firstSliceWidth(span, span.oldest, 4_700, 25)).toBeNull();
  });
});
