// Server-rendered careers pages: no client script, one small inline stylesheet,
// landmarks (banner, search, main, contentinfo), one h1 per page, labelled
// filters, and colours with at least 4.5:1 contrast. Every recruiter-written
// string goes through escapeHtml; the description through the Markdown renderer.
import { escapeHtml as h, jsonForScript } from './escape';
import { renderMarkdown } from './markdown';
import { EMPLOYMENT_LABELS, applyHref, careersPath, jobHref, locationLabel, salaryLabel, type TPublicJob, type TPublicOrg, type TTracking } from './public-job';

// #1f2328 on #fff is 15.8:1; link #0b57d0 on #fff, muted #57606a on #fff and white on #0b57d0 are each 6.4:1.
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
a{color:#0b57d0}a:focus-visible,select:focus-visible,button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header,main,footer{max-width:52rem;margin:0 auto;padding:1rem}header{border-bottom:1px solid #d0d7de}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none;color:#1f2328}
form.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin:1rem 0}
form.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
select,button{font:inherit;padding:.4rem .6rem;border:1px solid #57606a;border-radius:4px;background:#fff;color:#1f2328}
button,.apply{background:#0b57d0;color:#fff;border-color:#0b57d0;font-weight:600;text-decoration:none;border-radius:4px}
.apply{display:inline-block;padding:.6rem 1.2rem;margin:1rem 0}
ul.jobs{list-style:none;padding:0}ul.jobs li{border-top:1px solid #d0d7de;padding:.75rem 0}
ul.jobs h3{margin:0;font-size:1.1rem}.meta{color:#57606a;margin:.25rem 0 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
footer{color:#57606a;font-size:.9rem;border-top:1px solid #d0d7de}`;

export interface TLayout {
  org: TPublicOrg;
  title: string;
  description: string;
  canonical: string;
  main: string;
  head?: string;
}

/** The careers site's page frame, shared with the event pages (api/services/events/event-page-html.ts). */
export function careersLayout(p: TLayout): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(p.title)}</title>
<meta name="description" content="${h(p.description)}">
<link rel="canonical" href="${h(p.canonical)}">
<link rel="alternate" type="application/feed+json" title="${h(p.org.name)} jobs" href="${h(careersPath(p.org))}/feed.json">
<style>${STYLE}</style>
${p.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><a class="brand" href="${h(careersPath(p.org))}">${h(p.org.name)} careers</a></header>
<main id="main">
${p.main}
</main>
<footer><p>${h(p.org.name)} · <a href="${h(careersPath(p.org))}/feed.xml">XML job feed</a> · <a href="${h(careersPath(p.org))}/feed.json">JSON job feed</a></p></footer>
</body>
</html>
`;
}

export interface TCareersFilters {
  department?: string;
  location?: string;
  remote?: 'onsite' | 'hybrid' | 'remote';
}

export interface TFilterOptions {
  departments: string[];
  locations: { value: string; label: string }[];
}

function select(name: string, label: string, options: { value: string; label: string }[], selected: string | undefined, anyLabel: string) {
  const opts = [{ value: '', label: anyLabel }, ...options]
    .map((o) => `<option value="${h(o.value)}"${o.value === (selected ?? '') ? ' selected' : ''}>${h(o.label)}</option>`).join('');
  return `<label for="f-${name}">${h(label)}<select id="f-${name}" name="${name}">${opts}</select></label>`;
}

const jobMeta = (job: TPublicJob) => [job.department, locationLabel(job), EMPLOYMENT_LABELS[job.employmentType]].filter(Boolean).map((s) => h(s!)).join(' · ');

/** `alertForm`: the job-alert signup section (api/services/job-alerts/job-alert-pages-html.ts), after the list. */
export function careersIndexHtml(org: TPublicOrg, jobs: readonly TPublicJob[], filters: TCareersFilters, options: TFilterOptions, tracking: TTracking, baseUrl: string, alertForm = ''): string {
  const hidden = Object.entries(tracking).map(([k, v]) => `<input type="hidden" name="${h(k)}" value="${h(v!)}">`).join('');
  const form = `<form class="filters" role="search" aria-label="Filter jobs" method="get" action="${h(careersPath(org))}">
${select('department', 'Department', options.departments.map((d) => ({ value: d, label: d })), filters.department, 'All departments')}
${select('location', 'Location', options.locations, filters.location, 'All locations')}
${select('remote', 'Work arrangement', [{ value: 'onsite', label: 'On-site' }, { value: 'hybrid', label: 'Hybrid' }, { value: 'remote', label: 'Remote' }], filters.remote, 'Any arrangement')}
${hidden}<button type="submit">Show jobs</button></form>`;
  const list = jobs.length
    ? `<ul class="jobs" data-testid="job-list">${jobs.map((job) => `<li data-testid="job-item"><h3><a href="${h(jobHref(org, job, tracking))}">${h(job.title)}</a></h3><p class="meta">${jobMeta(job)}</p></li>`).join('')}</ul>`
    : '<p data-testid="no-jobs">No open positions match these filters.</p>';
  const count = `${jobs.length} open position${jobs.length === 1 ? '' : 's'}`;
  return careersLayout({
    org, title: `Jobs at ${org.name}`, description: `${count} at ${org.name}.`, canonical: baseUrl + careersPath(org),
    main: `<h1>Jobs at ${h(org.name)}</h1>\n${form}\n<section aria-labelledby="results"><h2 id="results">${count}</h2>${list}</section>${alertForm}`,
  });
}

export function jobPageHtml(org: TPublicOrg, job: TPublicJob, ld: unknown, tracking: TTracking, baseUrl: string): string {
  const salary = salaryLabel(job);
  const facts: [string, string | null][] = [
    ['Department', job.department], ['Location', locationLabel(job)], ['Employment type', EMPLOYMENT_LABELS[job.employmentType]],
    ['Salary', salary], ['Posted', job.postedAt.toISOString().slice(0, 10)], ['Apply by', job.validThrough ? job.validThrough.toISOString().slice(0, 10) : null],
  ];
  const apply = applyHref(org, job, tracking);
  const main = `<nav aria-label="Breadcrumb"><a href="${h(careersPath(org) + (Object.keys(tracking).length ? '?' + new URLSearchParams(tracking as Record<string, string>).toString() : ''))}">All jobs</a></nav>
<article aria-labelledby="job-title">
<h1 id="job-title">${h(job.title)}</h1>
<dl class="facts">${facts.filter(([, v]) => v).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v!)}</dd>`).join('')}</dl>
<a class="apply" data-testid="apply-link" href="${h(apply)}">Apply for ${h(job.title)}</a>
<section aria-label="Job description" data-testid="job-description">${renderMarkdown(job.description)}</section>
<a class="apply" href="${h(apply)}">Apply for ${h(job.title)}</a>
</article>`;
  const plain = job.description.replace(/[#*_`>[\]()!-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 155);
  return careersLayout({
    org, title: `${job.title} – ${org.name}`, description: plain || `${job.title} at ${org.name}`, canonical: baseUrl + jobHref(org, job, {}), main,
    head: `<script type="application/ld+json">${jsonForScript(ld)}</script>`,
  });
}

export function notFoundHtml(what: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title><meta name="robots" content="noindex"><style>${STYLE}</style></head>
<body><main id="main"><h1>Not found</h1><p>${h(what)} does not exist or is no longer open.</p></main></body></html>
`;
}
