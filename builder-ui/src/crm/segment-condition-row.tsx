// One condition of the segment editor: which field, then that field's inputs (a list, choices, a range, a
// time window), and what the row still misses. Every input has a label; the row is one fieldset.
import type { ReactNode } from 'react';
import { FIELD_CHOICES, MATCH_OPTIONS, SEGMENT_FIELDS, changeRowField, type SegmentField, type SegmentRow } from './segment-rows';
import { INTEREST_LEVEL_LABELS, type TalentPool } from './crm-types';

const MATCH_LABELS: Record<string, Record<string, string>> = {
  skills: { all: 'has all of', any: 'has any of' },
  tags: { all: 'has all of', any: 'has any of', none: 'has none of' },
  stage_reached: { some: 'reached', none: 'never reached' },
  applications: { some: 'has an application', none: 'has no application' },
  engagement: { some: 'did', none: 'did not' },
  pools: { any: 'is in any of', none: 'is in none of' },
};
const WINDOW_LABELS = { withinDays: 'within the last', notWithinDays: 'not in the last (or never)', isNever: 'never' } as const;
const choiceLabel = (value: string) => INTEREST_LEVEL_LABELS[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

type ConditionRowProps = {
  row: SegmentRow;
  index: number;
  problem: string | null;
  isRefused: boolean;
  pools: TalentPool[];
  jobs: { id: string; title: string }[];
  onChange: (row: SegmentRow) => void;
  onRemove: () => void;
};

function Labeled({ label, children, grow }: { label: string; children: ReactNode; grow?: boolean }) {
  return <label className={`field${grow ? ' field-grow' : ''}`}><span>{label}</span>{children}</label>;
}

function Choices({ row, options, labelOf, onChange, legend }: { row: SegmentRow; options: readonly { value: string; label: string }[]; labelOf?: string; onChange: (r: SegmentRow) => void; legend: string }) {
  const toggle = (value: string) => onChange({ ...row, choices: row.choices.includes(value) ? row.choices.filter((c) => c !== value) : [...row.choices, value] });
  return (
    <fieldset className="choice-group" aria-label={legend}>
      {options.length === 0 && <span className="muted">{labelOf ?? 'Nothing to pick yet.'}</span>}
      {options.map((o) => (
        <label key={o.value} className={`choice${row.choices.includes(o.value) ? ' is-checked' : ''}`}>
          <input type="checkbox" checked={row.choices.includes(o.value)} onChange={() => toggle(o.value)} data-testid="segment-choice" data-value={o.value} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function SegmentConditionRow({ row, index, problem, isRefused, pools, jobs, onChange, onRemove }: ConditionRowProps) {
  const set = (patch: Partial<SegmentRow>) => onChange({ ...row, ...patch });
  const field = row.field;
  const fixedChoices = (f: keyof typeof FIELD_CHOICES) => FIELD_CHOICES[f].map((value) => ({ value, label: choiceLabel(value) }));
  const match = MATCH_OPTIONS[field as SegmentField] && (
    <Labeled label="Match">
      <select value={row.match} onChange={(e) => set({ match: e.target.value })} data-testid="segment-match">
        {MATCH_OPTIONS[field as SegmentField]!.map((m) => <option key={m} value={m}>{MATCH_LABELS[field]?.[m] ?? m}</option>)}
      </select>
    </Labeled>
  );
  const days = (label: string) => (
    <Labeled label={label}>
      <input type="number" min={1} max={3650} inputMode="numeric" className="input-days" value={row.days} onChange={(e) => set({ days: e.target.value })} data-testid="segment-days" />
    </Labeled>
  );
  const jobPicker = (
    <Labeled label="Job">
      <select value={row.jobId} onChange={(e) => set({ jobId: e.target.value })} data-testid="segment-job">
        <option value="">Any job</option>
        {jobs.map((j) => <option key={j.id} value={j.id}>{j.title}</option>)}
      </select>
    </Labeled>
  );

  let inputs: ReactNode;
  switch (field) {
    case 'unsupported':
      inputs = <code className="segment-raw">{JSON.stringify(row.raw)}</code>;
      break;
    case 'skills':
    case 'tags':
    case 'source':
      inputs = <>{match}<Labeled label={`${field === 'source' ? 'Sources' : field === 'skills' ? 'Skills' : 'Tags'} (comma-separated)`} grow><input value={row.list} onChange={(e) => set({ list: e.target.value })} placeholder={field === 'skills' ? 'e.g. TypeScript, PostgreSQL' : field === 'tags' ? 'e.g. silver-medalist' : 'e.g. referral, linkedin'} data-testid="segment-list" /></Labeled></>;
      break;
    case 'location':
      inputs = <>
        <Labeled label="Countries (ISO codes)"><input value={row.list} onChange={(e) => set({ list: e.target.value })} placeholder="e.g. DE, NL" data-testid="segment-list" /></Labeled>
        <Labeled label="City (optional)" grow><input value={row.text} onChange={(e) => set({ text: e.target.value })} placeholder="e.g. Berlin" data-testid="segment-text" /></Labeled>
      </>;
      break;
    case 'interest_level':
      inputs = <Choices row={row} options={fixedChoices('interest_level')} onChange={onChange} legend="Interest levels" />;
      break;
    case 'engagement':
      inputs = <>{match}<Choices row={row} options={fixedChoices('engagement')} onChange={onChange} legend="Kinds of engagement" />{days('Within days (optional)')}</>;
      break;
    case 'stage_reached':
      inputs = <>{match}<Choices row={row} options={fixedChoices('stage_reached')} onChange={onChange} legend="Stage kinds" /><Labeled label="Or a stage name"><input value={row.text} onChange={(e) => set({ text: e.target.value })} placeholder="e.g. Onsite" data-testid="segment-text" /></Labeled>{jobPicker}</>;
      break;
    case 'applications':
      inputs = <>{match}<Choices row={row} options={fixedChoices('applications')} onChange={onChange} legend="Application statuses (none: any)" />{jobPicker}{days('Applied within days')}</>;
      break;
    case 'pools':
      inputs = <>{match}<Choices row={row} options={pools.map((p) => ({ value: p.id, label: p.name }))} labelOf="No talent pools yet." onChange={onChange} legend="Talent pools" /></>;
      break;
    case 'kind':
      inputs = <Labeled label="Is a"><select value={row.flag} onChange={(e) => set({ flag: e.target.value })} data-testid="segment-flag"><option value="PROSPECT">Prospect (never applied)</option><option value="APPLICANT">Applicant</option></select></Labeled>;
      break;
    case 'contactable':
      inputs = <Labeled label="Can be emailed"><select value={row.flag} onChange={(e) => set({ flag: e.target.value })} data-testid="segment-flag"><option value="true">Yes: has an address that is not suppressed</option><option value="false">No</option></select></Labeled>;
      break;
    case 'keywords':
      inputs = <Labeled label="Words in the profile or resume" grow><input value={row.text} onChange={(e) => set({ text: e.target.value })} placeholder='e.g. "machine learning" -intern' data-testid="segment-text" /></Labeled>;
      break;
    case 'engagement_score':
    case 'years_experience':
      inputs = <>
        <Labeled label="At least"><input type="number" min={0} className="input-days" value={row.min} onChange={(e) => set({ min: e.target.value })} data-testid="segment-min" /></Labeled>
        <Labeled label="At most"><input type="number" min={0} className="input-days" value={row.max} onChange={(e) => set({ max: e.target.value })} data-testid="segment-max" /></Labeled>
      </>;
      break;
    default:
      inputs = <>
        <Labeled label="When">
          <select value={row.window} onChange={(e) => set({ window: e.target.value as SegmentRow['window'] })} data-testid="segment-window">
            {Object.entries(WINDOW_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Labeled>
        {row.window !== 'isNever' && days('Days')}
      </>;
  }

  return (
    <fieldset className={`segment-row${isRefused ? ' is-refused' : ''}`} data-testid="segment-row" data-field={field} data-row-index={index}>
      <legend className="visually-hidden">Condition {index + 1}</legend>
      <div className="segment-row-inputs">
        {index > 0 && <span className="segment-and" aria-hidden="true">and</span>}
        {field === 'unsupported' ? <span className="segment-field-fixed">Kept as saved</span> : (
          <Labeled label="Field">
            <select value={field} onChange={(e) => onChange(changeRowField(row, e.target.value as SegmentField))} data-testid="segment-field">
              {SEGMENT_FIELDS.map((f) => <option key={f.field} value={f.field}>{f.label}</option>)}
            </select>
          </Labeled>
        )}
        {inputs}
        <button type="button" className="button button-small button-ghost segment-remove" onClick={onRemove} aria-label={`Remove condition ${index + 1}`} data-testid="segment-remove">Remove</button>
      </div>
      {problem && <p className="segment-row-problem" data-testid="segment-row-problem">{isRefused ? problem : `Not counted yet: ${problem}`}</p>}
    </fieldset>
  );
}
