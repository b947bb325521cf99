// A candidate's timeline, newest first, one keyset page at a time ("Show older").
// `refreshKey` reloads from the top (after a note is added).
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../api';
import type { TimelineEntry as TTimelineEntry, TimelinePage } from '../api-types';
import { ErrorNotice } from './error-notice';
import { TimelineEntry } from './timeline-entry';

const PAGE_SIZE = 30;

export function TimelineList({ candidateId, refreshKey }: { candidateId: string; refreshKey: number }) {
  const [entries, setEntries] = useState<TTimelineEntry[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/candidates/${encodeURIComponent(candidateId)}/timeline?limit=${PAGE_SIZE}`;

  const load = useCallback(async (cursor: string | null) => {
    setIsLoading(true);
    try {
      const page = await apiGet<TimelinePage>(cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base);
      setEntries((previous) => (cursor ? [...previous, ...page.entries] : page.entries));
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  }, [base]);

  useEffect(() => {
    void load(null);
  }, [load, refreshKey]);

  return (
    <div data-testid="candidate-timeline">
      <ErrorNotice error={error} title="Could not load the timeline" onRetry={() => void load(null)} />
      {!isLoading && entries.length === 0 && !error && <p className="muted">Nothing has happened yet.</p>}
      <ol className="timeline">
        {entries.map((entry) => <TimelineEntry key={entry.id} entry={entry} candidateId={candidateId} />)}
      </ol>
      {isLoading && <p className="muted">Loading…</p>}
      {nextCursor && !isLoading && (
        <button type="button" className="button button-small" onClick={() => void load(nextCursor)} data-testid="timeline-more">
          Show older
        </button>
      )}
    </div>
  );
}
