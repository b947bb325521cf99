// A candidate's resume as data, drawn deterministically from a seed number:
// names, companies, skills written with their aliases, dates, layouts, with
// the values a parser should find. The demo seed (scripts/seed/) draws its
// 200 applicants from here, one `track` per kind of job; the resume tests and
// the apply benchmark use the default pools (test/support/resume-fixtures.ts).
export interface TFixtureMonth { year: number; month: number } // month 1-12
export interface TFixtureJob { title: string; company: string; location: string; start: TFixtureMonth; end: TFixtureMonth | null; bullets: string[] }
export interface TFixtureEducation { institution: string; degree: string; startYear: number | null; endYear: number }

export interface TResumeFixture {
  seed: number;
  asOf: Date;
  name: string;
  email: string;
  phone: { written: string; e164: string };
  links: { linkedin: string; github: string | null; website: string | null };
  /** Links written as labels ("LinkedIn | GitHub") with the URL only behind them. */
  hasHiddenLinks: boolean;
  /** Canonical skill names, as the parser should report them. */
  skills: string[];
  jobs: TFixtureJob[];
  education: TFixtureEducation[];
  /** Total experience by an independent count: distinct months worked / 12, one decimal. */
  expectedYears: number;
  blocks: TBlock[];
}

export type TBlock =
  | { kind: 'name' | 'heading' | 'paragraph' | 'bullet'; text: string }
  | { kind: 'contact'; text: string; links: Array<{ label: string; url: string }> }
  | { kind: 'row'; left: string; right: string };

const FIRST = ['José', 'Zoë', 'Renée', 'Björn', 'Søren', 'François', 'Chloé', 'Ana', 'Mei', 'Aarav', 'Olga', 'Kwame', 'Ngozi', 'Hiroshi', 'Fatima', 'Liam', 'Emma', 'Noah', 'Priya', 'Mateo', 'Sofia', 'Lukas', 'Yuki', 'Amara', 'Diego', 'Grace', 'Omar', 'Ingrid', 'Tariq', 'Elena'];
const LAST = ['García', 'Müller', "O'Brien", 'Nakamura', 'Okafor', 'Johansson', 'Kowalski', 'Chen', 'Patel', 'Silva', 'Rossi', 'Dubois', 'Nguyen', 'van der Berg', 'Smith-Jones', 'MacLeod', 'Haddad', 'Fischer', 'Lindqvist', 'Mensah'];
const COMPANIES = ['Northwind Labs', 'Bluefin Analytics Inc.', 'Globex Corporation', 'Initech', 'Umbrella Health', 'Vandelay Industries', 'Hooli', 'Pied Piper Inc.', 'Soylent Systems', 'Wayne Enterprises', 'Cyberdyne Systems', 'Tyrell Corp', 'Massive Dynamic', 'Aperture Science', 'Stark Freight GmbH', 'Acme Robotics Ltd'];
const LOCATIONS = ['Berlin, Germany', 'London, UK', 'San Francisco, CA', 'Austin, TX', 'Remote', 'Toronto, Canada', 'Lisbon, Portugal', 'New York, NY'];
const TITLES = ['Software Engineer', 'Senior Software Engineer', 'Backend Engineer', 'Frontend Developer', 'Data Analyst', 'Product Manager', 'Engineering Manager', 'Product Designer', 'Staff Engineer', 'Data Scientist', 'Account Executive', 'Solutions Architect'];
const SCHOOLS = ['University of Westbrook', 'Northfield Institute of Technology', 'Lakeside College', 'Universidad de Valdivia', 'Rheinau Technical University', 'Eastgate University'];
const DEGREES = ['B.Sc. Computer Science', 'Bachelor of Arts in Economics', 'M.S. Data Science', 'Master of Business Administration', 'B.A. Psychology', 'B.Eng. Mechanical Engineering'];
// Canonical skill -> how resumes also write it (the parser must map these back).
const SKILL_SPELLINGS: Array<[string, ...string[]]> = [
  ['JavaScript', 'JS'], ['TypeScript'], ['Python'], ['Go', 'Golang'], ['Kubernetes', 'k8s'], ['PostgreSQL', 'Postgres'], ['Docker'],
  ['React', 'ReactJS'], ['Node.js', 'NodeJS'], ['AWS', 'Amazon Web Services'], ['Terraform'], ['GraphQL'], ['Redis'], ['Kafka', 'Apache Kafka'],
  ['Machine Learning', 'ML'], ['pandas'], ['Tableau'], ['Figma'], ['User research', 'UX research'], ['Agile'], ['Scrum'], ['Jira'],
  ['Stakeholder management'], ['Microsoft Excel', 'Excel'], ['Salesforce'], ['Negotiation'], ['Public speaking'], ['Java'], ['Rust'],
  ['C++', 'CPP'], ['Spring', 'Spring Boot'], ['Google Cloud', 'GCP'], ['CI/CD'], ['Elasticsearch'], ['Vue.js', 'Vue'], ['Snowflake'],
];
const BULLETS = [
  'Shipped {a} features used by {n} thousand customers each week',
  'Cut p95 latency of the checkout flow by {p} percent with {a}',
  'Designed the {a} and {b} foundation for a new billing platform',
  'Led a group of {k} engineers through a zero-downtime migration to {a}',
  'Automated reporting with {a}, saving {k} hours per week',
  'Partnered with finance and support leads on {a} rollout across {k} regions',
];
/** Roles a seeded applicant's career follows; the default pools mix them all. */
export const RESUME_TRACKS = ['engineering', 'design', 'sales', 'support'] as const;
export type TResumeTrack = (typeof RESUME_TRACKS)[number];

// Wider name pools for tracks, so 200 applicants rarely share a full name.
const TRACK_FIRST = [...FIRST, 'Hannah', 'Kenji', 'Valentina', 'Samuel', 'Aisha', 'Marco', 'Nadia', 'Tomás', 'Leila', 'Oskar', 'Rania', 'Daniel', 'Ines', 'Kofi', 'Maya', 'Arjun', 'Clara', 'Felix', 'Zainab', 'Henrik'];
const TRACK_LAST = [...LAST, 'Andersen', 'Costa', 'Ibrahim', 'Kim', 'Larsen', 'Moreau', 'Novak', 'Petrov', 'Reyes', 'Schmidt', 'Tanaka', 'Walsh', 'Yilmaz', 'Zhou', 'Adeyemi', 'Bianchi', 'Eriksen', 'Hughes', 'Jansen', 'Kaur'];
const TRACKS: Record<TResumeTrack, { titles: string[]; skills: Array<[string, ...string[]]> }> = {
  engineering: {
    titles: ['Software Engineer', 'Senior Software Engineer', 'Backend Engineer', 'Platform Engineer', 'Staff Engineer', 'Site Reliability Engineer', 'Full Stack Developer'],
    skills: SKILL_SPELLINGS.filter(([s]) => !['Figma', 'User research', 'Salesforce', 'Negotiation', 'Tableau', 'Microsoft Excel'].includes(s)),
  },
  design: {
    titles: ['Product Designer', 'Senior Product Designer', 'UX Designer', 'Interaction Designer', 'Visual Designer', 'UX Researcher'],
    skills: [['Figma'], ['User research', 'UX research'], ['Prototyping'], ['Wireframing', 'Wireframes'], ['Design systems', 'Design system'], ['Usability testing'], ['Interaction design'], ['Visual design'], ['Typography'], ['HTML'], ['CSS'], ['Storybook'], ['Accessibility', 'a11y'], ['Agile'], ['Jira'], ['Stakeholder management']],
  },
  sales: {
    titles: ['Account Executive', 'Senior Account Executive', 'Sales Development Representative', 'Account Manager', 'Solutions Consultant', 'Business Development Manager'],
    skills: [['Salesforce'], ['HubSpot'], ['Negotiation'], ['B2B sales'], ['Enterprise sales'], ['Lead generation'], ['Cold calling'], ['Account management'], ['Business development'], ['Public speaking'], ['Microsoft Excel', 'Excel'], ['Stakeholder management'], ['CRM'], ['Forecasting'], ['Go-to-market', 'GTM']],
  },
  support: {
    titles: ['Customer Support Specialist', 'Support Engineer', 'Customer Success Manager', 'Technical Support Engineer', 'Support Team Lead', 'Customer Service Representative'],
    skills: [['Zendesk'], ['Customer support'], ['Customer success'], ['Customer service'], ['Jira'], ['Confluence'], ['SQL'], ['Salesforce'], ['Technical writing'], ['Conflict resolution'], ['Microsoft Excel', 'Excel'], ['Incident management'], ['Communication'], ['Time management'], ['Spanish'], ['German']],
  },
};

/** Fictional phone numbers, one per seed below 1000 (555-01xx in five US area codes, 020 7946 0xxx in London). */
function uniquePhone(seed: number): { written: string; e164: string } {
  const nnn = String(seed % 1000).padStart(3, '0');
  if (seed % 2 === 0) return { written: `+44 20 7946 0${nnn}`, e164: `+442079460${nnn}` };
  const area = ['415', '212', '312', '617', '206', '512', '303', '646', '720', '971'][Math.floor(seed / 100) % 10]!;
  const nn = String(seed % 100).padStart(2, '0');
  return { written: `+1 (${area}) 555-01${nn}`, e164: `+1${area}55501${nn}` };
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => items.map((v) => [next(), v] as const).sort((x, y) => x[0] - y[0]).map(([, v]) => v);
  return { next, int, pick, shuffle };
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/[^a-zA-Z]/g, '').toLowerCase();
const toIndex = (m: TFixtureMonth) => m.year * 12 + m.month - 1;
const fromIndex = (i: number): TFixtureMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

export interface TFixtureOptions {
  /** "Present" for the fixture; fixed by default so expected years never drift. */
  asOf?: Date;
  /** Older jobs added (with longer bullet lists) for multi-page resumes. */
  extraJobs?: number;
  /** Titles and skills of one kind of role, wider name pools and a phone number unique to the seed (the demo seed). */
  track?: TResumeTrack;
}

export function makeResumeFixture(seed: number, options: TFixtureOptions = {}): TResumeFixture {
  const r = seededRandom(seed * 7919 + 17);
  const asOf = options.asOf ?? new Date(Date.UTC(2026, 0, 15));
  const track = options.track ? TRACKS[options.track] : undefined;
  const first = r.pick(track ? TRACK_FIRST : FIRST);
  const last = r.pick(track ? TRACK_LAST : LAST);
  const name = `${first} ${last}`;
  const handle = `${fold(first)}${fold(last)}`;
  const email = `${fold(first)}.${fold(last)}${seed}@${r.pick(['example.com', 'example.org', 'mail.example.net'])}`;
  const nn = String(seed % 100).padStart(2, '0');
  const nnn = String(seed % 1000).padStart(3, '0');
  // 555-01xx and 020 7946 0xxx are reserved for fiction, and still valid numbers.
  const phoneChoice = r.pick([
    { written: `+1 (415) 555-01${nn}`, e164: `+141555501${nn}` },
    { written: `(212) 555-01${nn}`, e164: `+121255501${nn}` },
    { written: `+44 20 7946 0${nnn}`, e164: `+442079460${nnn}` },
    { written: `415.555.01${nn}`, e164: `+141555501${nn}` },
  ]);
  const phone = track ? uniquePhone(seed) : phoneChoice;
  const links = {
    linkedin: `https://www.linkedin.com/in/${fold(first)}-${fold(last)}-${seed}`,
    github: r.next() < 0.7 ? `https://github.com/${handle}${seed}` : null,
    website: r.next() < 0.5 ? `https://${handle}.dev` : null,
  };
  const chosen = r.shuffle(track?.skills ?? SKILL_SPELLINGS).slice(0, r.int(6, 12));
  const written = chosen.map((spellings) => (r.next() < 0.5 ? r.pick(spellings) : spellings[0]));
  const jobs = makeJobs(r, asOf, chosen.map((s) => s[0]), r.int(2, 4) + (options.extraJobs ?? 0), (options.extraJobs ?? 0) > 0, track?.titles ?? TITLES);
  const education = makeEducation(r, jobs[jobs.length - 1]!.start.year);
  const months = new Set<number>();
  const nowIndex = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();
  for (const job of jobs) for (let m = toIndex(job.start); m <= (job.end ? toIndex(job.end) : nowIndex); m++) months.add(m);
  const expectedYears = Math.round((months.size / 12) * 10) / 10;
  const fixture: TResumeFixture = {
    seed, asOf, name, email, phone, links, hasHiddenLinks: seed % 2 === 0, skills: chosen.map((s) => s[0]), jobs, education, expectedYears, blocks: [],
  };
  fixture.blocks = resumeBlocks(fixture, written, r);
  return fixture;
}

function makeJobs(r: ReturnType<typeof seededRandom>, asOf: Date, skills: string[], count: number, isLong: boolean, titles: readonly string[]): TFixtureJob[] {
  const jobs: TFixtureJob[] = [];
  let nextStart = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth() + 1;
  const companies = r.shuffle(COMPANIES);
  for (let i = 0; i < count; i++) {
    const isCurrent = i === 0 && r.next() < 0.7;
    // Sometimes a gap between jobs, sometimes two months of overlap (counted once).
    const end = isCurrent ? null : nextStart - (i === 0 ? r.int(1, 6) : r.pick([1, 1, 2, 4, -2]));
    const start = (end ?? nextStart - 1) - r.int(10, 40);
    const bullets = Array.from({ length: isLong ? r.int(8, 14) : r.int(2, 3) }, () =>
      r.pick(BULLETS).replace('{a}', r.pick(skills)).replace('{b}', r.pick(skills)).replace('{n}', String(r.int(2, 900))).replace('{p}', String(r.int(5, 60))).replace('{k}', String(r.int(2, 12))));
    jobs.push({ title: r.pick(titles), company: companies[i % companies.length]!, location: r.pick(LOCATIONS), start: fromIndex(start), end: end === null ? null : fromIndex(end), bullets });
    nextStart = start;
  }
  return jobs;
}

function makeEducation(r: ReturnType<typeof seededRandom>, firstJobYear: number): TFixtureEducation[] {
  const schools = r.shuffle(SCHOOLS);
  const degrees = r.shuffle(DEGREES);
  const count = r.int(1, 2);
  return Array.from({ length: count }, (_, i) => {
    const endYear = firstJobYear - i * 2 - (i === 0 ? 0 : 1);
    return { institution: schools[i]!, degree: degrees[i]!, startYear: r.next() < 0.6 ? endYear - r.int(2, 4) : null, endYear };
  });
}

function dateText(m: TFixtureMonth | null, style: number): string {
  if (!m) return style === 2 ? 'Current' : 'Present';
  if (style === 0) return `${MONTH_ABBR[m.month - 1]} ${m.year}`;
  if (style === 1) return `${MONTH_FULL[m.month - 1]} ${m.year}`;
  return `${String(m.month).padStart(2, '0')}/${m.year}`;
}

function resumeBlocks(f: TResumeFixture, writtenSkills: string[], r: ReturnType<typeof seededRandom>): TBlock[] {
  const layout = f.seed % 3;
  const dateStyle = r.int(0, 2);
  const dash = r.pick([' – ', ' - ', ' to ']);
  const range = (job: TFixtureJob) => `${dateText(job.start, dateStyle)}${dash}${dateText(job.end, dateStyle)}`;
  const linkList = [['LinkedIn', f.links.linkedin], ['GitHub', f.links.github], ['Portfolio', f.links.website]].filter((l): l is [string, string] => !!l[1]);
  const contact = f.hasHiddenLinks
    ? [f.email, f.phone.written, ...linkList.map(([label]) => label)].join(' | ')
    : [f.email, f.phone.written, ...linkList.map(([, url]) => url.replace(/^https:\/\/(www\.)?/, ''))].join(' | ');
  const heading = (options: string[]) => ({ kind: 'heading' as const, text: r.pick(options) });
  const blocks: TBlock[] = [
    { kind: 'name', text: f.name },
    { kind: 'contact', text: contact, links: linkList.map(([label, url]) => ({ label: f.hasHiddenLinks ? label : url.replace(/^https:\/\/(www\.)?/, ''), url })) },
    heading(['Summary', 'PROFILE', 'Professional Summary']),
    { kind: 'paragraph', text: `${f.jobs[0]!.title} with ${Math.floor(f.expectedYears)}+ years of experience, most recently at ${f.jobs[0]!.company}. Known for calm delivery and clear writing.` },
    heading(['Experience', 'WORK EXPERIENCE', 'Professional Experience', 'Work History', 'EMPLOYMENT HISTORY']),
  ];
  for (const job of f.jobs) {
    if (layout === 0) blocks.push({ kind: 'row', left: `${job.title}, ${job.company}`, right: range(job) });
    else if (layout === 1) blocks.push({ kind: 'row', left: job.company, right: job.location }, { kind: 'row', left: job.title, right: range(job) });
    else blocks.push({ kind: 'row', left: `${job.title} at ${job.company}`, right: `${job.location} | ${range(job)}` });
    for (const bullet of job.bullets) blocks.push({ kind: 'bullet', text: bullet });
  }
  blocks.push(heading(['Education', 'EDUCATION', 'Education & Training']));
  for (const e of f.education) {
    if (e.startYear !== null) blocks.push({ kind: 'row', left: e.institution, right: `${e.startYear} – ${e.endYear}` }, { kind: 'paragraph', text: e.degree });
    else blocks.push({ kind: 'row', left: `${e.degree}, ${e.institution}`, right: String(e.endYear) });
  }
  blocks.push(heading(['Skills', 'TECHNICAL SKILLS', 'Core Competencies']), { kind: 'paragraph', text: writtenSkills.join(', ') });
  return blocks;
}

