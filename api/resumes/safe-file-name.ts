// Turns the file name a candidate's browser sent into names that are safe to
// keep: `storedName` (ASCII, no path, no control or bidi characters, bounded
// length, extension from the detected type) for storage keys and
// Content-Disposition, and `displayName` (readable unicode) for the UI.
import type { TResumeKind } from './detect-file-type';

const MAX_BASE_CHARS = 80;
const MAX_DISPLAY_CHARS = 120;
const FALLBACK_BASE = 'resume';
// Names Windows refuses whatever the extension; someone will download the file there.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
// C0/C1 controls (NUL included), bidi overrides/isolates and zero-width marks:
// invisible characters that make "exe.pdf" read as something else.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

function lastPathSegment(name: string): string {
  const parts = name.split(/[\\/]+/);
  return parts[parts.length - 1] ?? '';
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function cleanText(originalName: unknown): string {
  const raw = typeof originalName === 'string' ? originalName : '';
  // Cap before the work so a megabyte-long name costs nothing.
  return lastPathSegment(raw.slice(0, 4096).normalize('NFKC').replace(INVISIBLE, ''));
}

export function safeStoredFileName(originalName: unknown, kind: TResumeKind): string {
  const base = withoutExtension(cleanText(originalName))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents so "Résumé" keeps its letters
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_BASE_CHARS)
    .replace(/[-_]+$/, '');
  const safeBase = base === '' ? FALLBACK_BASE : WINDOWS_RESERVED.test(base) ? `${FALLBACK_BASE}-${base}` : base;
  return `${safeBase}.${kind}`;
}

export function safeDisplayFileName(originalName: unknown, kind: TResumeKind): string {
  const base = withoutExtension(cleanText(originalName))
    .replace(/[<>:"|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...base]; // by code point, so a cut never splits a surrogate pair
  const bounded = chars.length > MAX_DISPLAY_CHARS ? chars.slice(0, MAX_DISPLAY_CHARS).join('').trimEnd() : base;
  return `${bounded === '' ? FALLBACK_BASE : bounded}.${kind}`;
}
