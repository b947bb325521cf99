// A sourcing spreadsheet's columns and rows as prospects. Header names are recognised in the spellings tools
// export ("First Name", "E-mail Address", "LinkedIn URL"...), or mapped explicitly; each row becomes a
// prospect or a reason it cannot, naming the column. Pure: the import runner feeds it parsed records.
import { z } from 'zod';
import { AppError } from '../../errors';
import { ZInterestLevel } from './interest-level';
import { ZProfileLinks } from './profile-links';
import { isValidTimeZone } from '../../../workflows/graph/time-windows';
import { toProspect, ZEmail, type TProspect } from './prospect';

export const PROSPECT_COLUMNS = [
  'firstName', 'lastName', 'name', 'email', 'phone', 'location', 'city', 'country', 'headline', 'company', 'linkedin', 'github', 'website',
  'tags', 'source', 'skills', 'interestLevel', 'timeZone',
] as const;
export type TProspectColumn = (typeof PROSPECT_COLUMNS)[number];

/** Header spellings per column, compared without case, spaces or punctuation. */
const ALIASES: Record<TProspectColumn, string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  name: ['name', 'full name', 'candidate name', 'candidate', 'person', 'contact name'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'work email', 'personal email', 'primary email'],
  phone: ['phone', 'phone number', 'mobile', 'mobile phone', 'mobile number', 'cell', 'telephone', 'tel'],
  location: ['location', 'address', 'based in', 'current location'],
  city: ['city', 'town'],
  country: ['country', 'country code', 'nation'],
  headline: ['headline', 'title', 'job title', 'current title', 'position', 'role', 'current position'],
  company: ['company', 'current company', 'employer', 'current employer', 'organization', 'organisation'],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile', 'linkedin profile url'],
  github: ['github', 'github url', 'github profile'],
  website: ['website', 'personal website', 'personal site', 'site', 'portfolio', 'portfolio url', 'url', 'homepage', 'blog', 'web'],
  tags: ['tags', 'tag', 'labels', 'label'],
  source: ['source', 'lead source', 'origin'],
  skills: ['skills', 'skill', 'technologies', 'tech stack', 'stack'],
  interestLevel: ['interest', 'interest level'],
  timeZone: ['time zone', 'timezone', 'tz'],
};
const squash = (header: string) => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');
const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([column, names]) => names.map((n) => [squash(n), column as TProspectColumn] as const)));

/** An explicit mapping: header as written → column, or "ignore". Overrides what was recognised. */
export const ZCsvColumnMapping = z.record(z.string().min(1).max(200), z.enum([...PROSPECT_COLUMNS, 'ignore'])).refine((m) => Object.keys(m).length <= 200, 'at most 200 columns');
export type TCsvColumnMapping = z.infer<typeof ZCsvColumnMapping>;

export interface TCsvColumns {
  /** Per header position, its column (or null: ignored). */
  byPosition: (TProspectColumn | null)[];
  /** What the report shows: header → column. */
  recognised: Record<string, TProspectColumn>;
  ignored: string[];
}

export function csvColumns(header: readonly string[], mapping: TCsvColumnMapping = {}): TCsvColumns {
  const byPosition: (TProspectColumn | null)[] = [];
  const recognised: Record<string, TProspectColumn> = {};
  const ignored: string[] = [];
  const taken = new Map<TProspectColumn, string>();
  for (const unknown of Object.keys(mapping).filter((h) => !header.includes(h))) {
    throw new AppError('VALIDATION_FAILED', `mapping names a column the file does not have: ${unknown}`, [{ path: `mapping.${unknown}`, message: 'no such column in the header' }]);
  }
  for (const raw of header) {
    const name = raw.trim();
    const explicit = mapping[raw] ?? mapping[name];
    const column = explicit === 'ignore' ? null : explicit ?? BY_ALIAS.get(squash(name)) ?? null;
    if (column && taken.has(column)) {
      throw new AppError('VALIDATION_FAILED', `columns "${taken.get(column)}" and "${name}" both hold ${column}; map one of them to "ignore"`, [{ path: `mapping.${name}`, message: `a second ${column} column` }]);
    }
    if (column) {
      taken.set(column, name);
      recognised[name] = column;
    } else ignored.push(name);
    byPosition.push(column);
  }
  const has = (c: TProspectColumn) => taken.has(c);
  if (!['email', 'phone', 'linkedin', 'github', 'website'].some((c) => has(c as TProspectColumn))) {
    throw new AppError('VALIDATION_FAILED', 'the header has no email, phone or profile-link column to recognise people by', [{ path: 'file.header', message: 'no email, phone, linkedin, github or website column' }]);
  }
  if (!has('name') && !has('firstName')) {
    throw new AppError('VALIDATION_FAILED', 'the header has no name column (name, or first name and last name)', [{ path: 'file.header', message: 'no name or first name column' }]);
  }
  return { byPosition, recognised, ignored };
}

/** "Ada Lovelace" → Ada / Lovelace; "Lovelace, Ada" → Ada / Lovelace; one word → first name only. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const text = full.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma > 0) return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() };
  const space = text.lastIndexOf(' ');
  return space > 0 ? { firstName: text.slice(0, space), lastName: text.slice(space + 1) } : { firstName: text, lastName: '' };
}

const LIST_SEPARATOR = /[;,|]/;
const list = (cell: string | undefined) => (cell ? cell.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean) : []);

export type TRowOutcome = { prospect: TProspect } | { error: string };

const LIMITS: Partial<Record<TProspectColumn, number>> = { firstName: 100, lastName: 100, name: 200, phone: 40, location: 200, city: 100, headline: 200, company: 200, source: 100 };

/** One row's cells (already split) as a prospect, or the first reason it cannot be one. */
export function prospectOfRow(columns: TCsvColumns, cells: readonly string[], defaults: { source: string }): TRowOutcome {
  if (cells.length !== columns.byPosition.length) return { error: `expected ${columns.byPosition.length} fields as in the header, found ${cells.length}` };
  const v: Partial<Record<TProspectColumn, string>> = {};
  columns.byPosition.forEach((column, i) => {
    const cell = cells[i]!.trim();
    if (column && cell) v[column] = cell;
  });
  for (const [column, max] of Object.entries(LIMITS)) {
    if ((v[column as TProspectColumn]?.length ?? 0) > max) return { error: `${column}: longer than ${max} characters` };
  }
  let email: string | undefined;
  if (v.email) {
    const parsed = ZEmail.safeParse(v.email);
    if (!parsed.success) return { error: `email: "${v.email.slice(0, 80)}" is not an email address` };
    email = parsed.data;
  }
  const links = ZProfileLinks.safeParse({ linkedin: v.linkedin, github: v.github, website: v.website });
  if (!links.success) {
    const issue = links.error.issues[0]!;
    return { error: `${issue.path.join('.')}: ${issue.message}` };
  }
  let interestLevel;
  if (v.interestLevel) {
    const parsed = ZInterestLevel.safeParse(v.interestLevel.toUpperCase().replace(/[\s-]+/g, '_'));
    if (!parsed.success) return { error: `interestLevel: "${v.interestLevel.slice(0, 40)}" is not COLD, WARM, HOT or NOT_INTERESTED` };
    interestLevel = parsed.data;
  }
  if (v.timeZone && !isValidTimeZone(v.timeZone)) return { error: `timeZone: "${v.timeZone.slice(0, 40)}" is not an IANA time zone` };
  const name = v.firstName ? { firstName: v.firstName, lastName: v.lastName ?? '' } : v.name ? splitFullName(v.name) : { firstName: '', lastName: '' };
  const headline = v.headline && v.company ? `${v.headline} at ${v.company}` : v.headline ?? (v.company ? `at ${v.company}` : undefined);
  return {
    prospect: toProspect({
      ...name, email, phone: v.phone, timeZone: v.timeZone, location: v.location, city: v.city, country: v.country, headline: headline?.slice(0, 200),
      links: { linkedin: links.data.linkedin ?? null, github: links.data.github ?? null, website: links.data.website ?? null, others: [] },
      skills: list(v.skills), tags: list(v.tags), source: v.source ?? defaults.source, interestLevel,
    }),
  };
}
