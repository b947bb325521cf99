// Loads one API resource for a page, with optional polling. Polling keeps the last good data
// on screen when a refresh fails, so a restarting API does not blank the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from './api';

export type ApiResource<T> = {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => Promise<void>;
};

export function useApiResource<T>(path: string | null, pollIntervalMs?: number): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  // Responses can arrive out of order when the path changes quickly; only the newest one counts.
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    if (path === null) return;
    const requestNumber = ++latestRequest.current;
    try {
      const result = await apiGet<T>(path);
      if (requestNumber !== latestRequest.current) return;
      setData(result);
      setError(null);
    } catch (caught) {
      if (requestNumber !== latestRequest.current) return;
      setError(caught);
    } finally {
      if (requestNumber === latestRequest.current) setIsLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(undefined);
    setError(null);
    setIsLoading(path !== null);
    void load();
  }, [load, path]);

  useEffect(() => {
    if (!pollIntervalMs || path === null) return;
    const timer = window.setInterval(() => void load(), pollIntervalMs);
    return () => window.clearInterval(timer);
  }, [load, path, pollIntervalMs]);

  return { data, error, isLoading, reload: load };
}
