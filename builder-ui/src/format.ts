// Display formatting shared by the pages: people's names, timestamps and relative due dates.

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

type PersonName = { firstName: string; lastName: string };

export function formatPersonName(person: PersonName | null | undefined): string {
  if (!person) return '—';
  return `${person.firstName} ${person.lastName}`.trim() || '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const deltaMs = new Date(iso).getTime() - now;
  if (Number.isNaN(deltaMs)) return '';
  for (const [unit, unitMs] of RELATIVE_UNITS) {
    if (Math.abs(deltaMs) >= unitMs) return relativeFormat.format(Math.round(deltaMs / unitMs), unit);
  }
  return 'just now';
}

export function formatDuration(startIso: string, endIso: string | null, now = Date.now()): string {
  const end = endIso ? new Date(endIso).getTime() : now;
  const totalSeconds = Math.max(0, Math.round((end - new Date(startIso).getTime()) / 1000));
  if (Number.isNaN(totalSeconds)) return '—';
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes}m ${totalSeconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function isOverdue(dueAt: string | null, status: string, now = Date.now()): boolean {
  if (!dueAt || status !== 'OPEN') return false;
  return new Date(dueAt).getTime() < now;
}

export function shortHash(hash: string): string {
  return hash.length > 10 ? hash.slice(0, 10) : hash;
}

/** A count the server capped (`isCapped`: it stopped counting) reads as "1000+". */
export function formatCount(n: number, isCapped: boolean): string {
  return isCapped && n > 0 ? `${n.toLocaleString('en')}+` : n.toLocaleString('en');
}
