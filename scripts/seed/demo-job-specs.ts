// What the demo jobs say: one requisition per kind of role a growing company
// hires for, written as a recruiter would post them. Statuses cover the whole
// life of a job: open (three), waiting for approval, draft, and closed (filled).
import type { TResumeTrack } from '../../api/seed/resume-profile';
import type { TJobLocation, TSalary } from '../../api/services/jobs/job-input';
import type { TPipelineKind } from './demo-jobs';

export interface TDemoJobSpec {
  key: string;
  title: string;
  department: string;
  requisitionId: string;
  status: 'OPEN' | 'PENDING_APPROVAL' | 'DRAFT' | 'CLOSED';
  pipeline: TPipelineKind | null;
  stageTemplate: string;
  track: TResumeTrack;
  /** Share of the seeded applicants who apply here. */
  share: number;
  /** Applicants taken all the way to hired. */
  hires: number;
  locations: string[];
  jobLocations: TJobLocation[];
  remotePolicy: 'ONSITE' | 'HYBRID' | 'REMOTE';
  remoteCountries: string[];
  employmentType: 'FULL_TIME' | 'PART_TIME' | 'CONTRACTOR';
  salary: TSalary;
  openings: number;
  /** Indexes into the organization's interviewers. */
  panel: number[];
  scorecard: Array<{ key: string; label: string; description: string }>;
  description: string;
}

const ABOUT = 'Acme builds the tools that keep small manufacturers running: ordering, inventory and delivery in one place, used by 4,000 workshops in 30 countries.';
const BENEFITS = '## What we offer\n\n- 30 days of paid holiday and a learning budget of €2,000 a year\n- Hardware of your choice and a home-office allowance\n- Parental leave beyond the legal minimum, for every parent\n- An interview process that respects your time: four conversations, one decision within two weeks';

export const JOB_SPECS: TDemoJobSpec[] = [
  {
    key: 'backend', title: 'Senior Backend Engineer', department: 'Engineering', requisitionId: 'ENG-101', status: 'OPEN', pipeline: 'application-review',
    stageTemplate: 'Standard hiring stages', track: 'engineering', share: 0.3, hires: 0,
    locations: ['Berlin, Germany', 'Remote (EU)'], jobLocations: [{ city: 'Berlin', countryCode: 'DE' }], remotePolicy: 'REMOTE', remoteCountries: ['DE', 'NL', 'PT', 'PL', 'ES'],
    employmentType: 'FULL_TIME', salary: { min: 85_000, max: 110_000, currency: 'EUR', unit: 'YEAR' }, openings: 2, panel: [0, 2],
    scorecard: [
      { key: 'system_design', label: 'System design', description: 'Breaks a problem into services and data; names the trade-offs.' },
      { key: 'coding', label: 'Coding', description: 'Readable, tested code; debugs calmly.' },
      { key: 'communication', label: 'Communication', description: 'Explains decisions to engineers and non-engineers.' },
    ],
    description: `${ABOUT}\n\n## The role\n\nYou will build the durable workflow engine behind our ordering platform: TypeScript services on PostgreSQL and Temporal, ` +
      'with a small team that owns what it ships from design to on-call.\n\n## You will\n\n- Design and run services that process 2 million orders a day\n' +
      '- Make failure boring: idempotent APIs, retries, clear alerts\n- Mentor engineers and review their designs\n\n## You bring\n\n' +
      '- 5+ years building backend systems in TypeScript, Go, Java or similar\n- Solid PostgreSQL: schema design, query plans, migrations\n' +
      `- Experience operating production systems (Kubernetes, observability)\n\n${BENEFITS}`,
  },
  {
    key: 'designer', title: 'Senior Product Designer', department: 'Design', requisitionId: 'DES-204', status: 'OPEN', pipeline: 'standard-hiring',
    stageTemplate: 'Design loop', track: 'design', share: 0.25, hires: 0,
    locations: ['London, UK (hybrid)'], jobLocations: [{ city: 'London', countryCode: 'GB' }], remotePolicy: 'HYBRID', remoteCountries: ['GB'],
    employmentType: 'FULL_TIME', salary: { min: 70_000, max: 90_000, currency: 'GBP', unit: 'YEAR' }, openings: 1, panel: [0, 1],
    scorecard: [
      { key: 'craft', label: 'Visual and interaction craft', description: 'Polished, consistent, accessible interfaces.' },
      { key: 'research', label: 'Research and insight', description: 'Turns customer conversations into decisions.' },
      { key: 'collaboration', label: 'Collaboration', description: 'Works in the open with product and engineering.' },
    ],
    description: `${ABOUT}\n\n## The role\n\nOwn the design of our warehouse app end to end, from discovery interviews with workshop owners to the last ` +
      'pixel in our design system. You join a team of four designers and report to the Head of Design.\n\n## You bring\n\n' +
      '- A portfolio that shows how you solved real problems, not only the final screens\n- Fluency in Figma, prototyping and usability testing\n' +
      `- Experience growing a design system with engineers\n\n${BENEFITS}`,
  },
  {
    key: 'sales', title: 'Account Executive, Mid-Market', department: 'Sales', requisitionId: 'SAL-310', status: 'OPEN', pipeline: 'standard-hiring',
    stageTemplate: 'Sales process', track: 'sales', share: 0.25, hires: 1,
    locations: ['New York, NY'], jobLocations: [{ city: 'New York', region: 'NY', countryCode: 'US' }], remotePolicy: 'ONSITE', remoteCountries: [],
    employmentType: 'FULL_TIME', salary: { min: 80_000, max: 95_000, currency: 'USD', unit: 'YEAR' }, openings: 2, panel: [1, 2],
    scorecard: [
      { key: 'discovery', label: 'Discovery', description: 'Finds the customer\'s real problem before pitching.' },
      { key: 'storytelling', label: 'Storytelling', description: 'A clear, tailored demo narrative.' },
      { key: 'negotiation', label: 'Negotiation', description: 'Holds value; trades, never gives away.' },
    ],
    description: `${ABOUT}\n\n## The role\n\nRun the full sales cycle with manufacturers of 50 to 500 people across the East Coast: from the first call to ` +
      'the signed contract, with a solutions engineer at your side. On-target earnings are twice the base salary, uncapped.\n\n## You bring\n\n' +
      '- 2+ years closing B2B software deals with a quota\n- A disciplined pipeline in Salesforce or HubSpot\n' +
      `- Curiosity about how things are made\n\n${BENEFITS}`,
  },
  {
    key: 'support', title: 'Customer Support Specialist', department: 'Customer Support', requisitionId: 'SUP-120', status: 'CLOSED', pipeline: 'standard-hiring',
    stageTemplate: 'Standard hiring stages', track: 'support', share: 0.2, hires: 1,
    locations: ['Remote (US, Canada)'], jobLocations: [{ city: 'Austin', region: 'TX', countryCode: 'US' }], remotePolicy: 'REMOTE', remoteCountries: ['US', 'CA'],
    employmentType: 'FULL_TIME', salary: { min: 26, max: 32, currency: 'USD', unit: 'HOUR' }, openings: 1, panel: [1],
    scorecard: [
      { key: 'empathy', label: 'Empathy', description: 'Hears the frustration behind the ticket.' },
      { key: 'troubleshooting', label: 'Troubleshooting', description: 'Narrows a problem down step by step.' },
      { key: 'writing', label: 'Written communication', description: 'Short, friendly, exact answers.' },
    ],
    description: `${ABOUT}\n\n## The role\n\nBe the voice of Acme for workshop owners who need an answer now: chat, email and the odd phone call, ` +
      'with engineers one message away when a bug is real.\n\n## You bring\n\n- 1+ years in customer support, ideally for software\n' +
      `- Calm, clear writing (Zendesk experience is a plus)\n- Spanish or French is a bonus\n\n${BENEFITS}`,
  },
  {
    key: 'solutions', title: 'Solutions Engineer', department: 'Sales', requisitionId: 'SAL-318', status: 'PENDING_APPROVAL', pipeline: 'standard-hiring',
    stageTemplate: 'Sales process', track: 'sales', share: 0, hires: 0,
    locations: ['New York, NY', 'Toronto, Canada'], jobLocations: [{ city: 'New York', region: 'NY', countryCode: 'US' }, { city: 'Toronto', region: 'ON', countryCode: 'CA' }], remotePolicy: 'HYBRID', remoteCountries: ['US', 'CA'],
    employmentType: 'FULL_TIME', salary: { min: 110_000, max: 135_000, currency: 'USD', unit: 'YEAR' }, openings: 1, panel: [1, 2],
    scorecard: [{ key: 'technical_depth', label: 'Technical depth', description: 'Answers integration questions on the spot.' }, { key: 'demo', label: 'Demo', description: 'A demo that maps to the buyer\'s workflow.' }],
    description: `${ABOUT}\n\n## The role\n\nPartner with our account executives on technical evaluations: tailored demos, integration designs and ` +
      `security questionnaires for manufacturers moving off spreadsheets.\n\n${BENEFITS}`,
  },
  {
    key: 'data', title: 'Data Analyst', department: 'Engineering', requisitionId: 'ENG-115', status: 'DRAFT', pipeline: null,
    stageTemplate: 'Standard hiring stages', track: 'engineering', share: 0, hires: 0,
    locations: ['Berlin, Germany'], jobLocations: [{ city: 'Berlin', countryCode: 'DE' }], remotePolicy: 'HYBRID', remoteCountries: ['DE'],
    employmentType: 'FULL_TIME', salary: { min: 60_000, max: 75_000, currency: 'EUR', unit: 'YEAR' }, openings: 1, panel: [2],
    scorecard: [],
    description: `${ABOUT}\n\n## The role (draft)\n\nTurn order and delivery data into the dashboards our customer teams steer by. SQL, dbt and a taste for clear charts.`,
  },
];
