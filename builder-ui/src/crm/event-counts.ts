// An event's registrations in words: places taken against capacity ("12 / 50", or "12" when unlimited),
// counted as the server counts them (registered, checked in, and no-shows, who held a place).
import { placesTaken } from '../../../api/services/events/event-record';
import type { RecruitingEvent } from './crm-types';

export function placesLabel(e: Pick<RecruitingEvent, 'counts' | 'capacity'>): string {
  const taken = placesTaken(e.counts).toLocaleString('en');
  return e.capacity === null ? taken : `${taken} / ${e.capacity.toLocaleString('en')}`;
}
