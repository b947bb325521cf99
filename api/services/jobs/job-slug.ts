// Careers page addresses for jobs: a readable slug from the title, made unique
// within the organization by a numeric suffix.

/** "Senior Backend Engineer (Berlin)" -> "senior-backend-engineer-berlin"; accents folded, at most 80 chars. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'job';
}

/** The first of base, base-2, base-3... not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
