// A list the API serves a page at a time with a keyset cursor (pool members, registrations, enrollments,
// suppressions): the first page on load, "Load more" appends the next, reload starts over. A response for
// an older request (the path changed, or a reload started) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../api';

export type KeysetList<T> = {
  items: T[];
  hasMore: boolean;
  isLoading: boolean;
  error: unknown;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
};

/** `path` without the cursor; `pick` finds the items in a page (`{ members, nextCursor }` → members). */
export function useKeysetList<T, P extends { nextCursor: string | null }>(path: string | null, pick: (page: P) => T[]): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;

  const fetchPage = useCallback(async (after: string | null) => {
    if (path === null) return;
    const mine = after ? generation.current : ++generation.current;
    setIsLoading(true);
    try {
      const separator = path.includes('?') ? '&' : '?';
      const page = await apiGet<P>(after ? `${path}${separator}cursor=${encodeURIComponent(after)}` : path);
      if (mine !== generation.current) return;
      const next = pickRef.current(page);
      setItems((previous) => (after ? [...previous, ...next] : next));
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setIsLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    void fetchPage(null);
  }, [fetchPage]);

  return {
    items,
    hasMore: cursor !== null,
    isLoading,
    error,
    loadMore: () => (cursor ? fetchPage(cursor) : Promise.resolve()),
    reload: () => fetchPage(null),
  };
}
