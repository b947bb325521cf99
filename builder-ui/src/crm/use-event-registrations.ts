// Every registration of one event, loaded a page (200) at a time in registration order: the event page's
// table and its check-in search read the same list, so a check-in shows in both. The API has no search by
// name, so the door's search runs over this list.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../api';
import type { EventRegistration } from './crm-types';

const PAGE = 200;

export function useEventRegistrations(eventId: string) {
  const [registrations, setRegistrations] = useState<EventRegistration[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const load = useCallback(async () => {
    const mine = ++generation.current;
    setIsLoading(true);
    try {
      const all: EventRegistration[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: { registrations: EventRegistration[]; nextCursor: string | null } = await apiGet(`/api/events/${encodeURIComponent(eventId)}/registrations?${query}`);
        all.push(...page.registrations);
        cursor = page.nextCursor;
      } while (cursor && mine === generation.current);
      if (mine !== generation.current) return;
      setRegistrations(all);
      setError(null);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setIsLoading(false);
    }
  }, [eventId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { registrations, isLoading, error, reload: load };
}

/** Registrations whose name or email contains every word typed (case-insensitive). */
export function matchRegistrations(registrations: readonly EventRegistration[], search: string): EventRegistration[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return registrations.filter((r) => {
    const haystack = `${r.candidate.firstName} ${r.candidate.lastName} ${r.candidate.email ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
