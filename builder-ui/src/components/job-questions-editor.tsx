// Screening questions asked on the apply form, each optionally a knockout: the answer (YES_NO),
// bound (NUMBER) or choices (CHOICE) that disqualify an applicant automatically.
import { EMPTY_QUESTION, questionChoices, type FieldErrors, type QuestionForm } from '../jobs/job-form';
import { JobFieldError } from './job-field-error';

type Props = { questions: QuestionForm[]; errors: FieldErrors; onChange: (questions: QuestionForm[]) => void };

const TYPES: [QuestionForm['type'], string][] = [['YES_NO', 'Yes / no'], ['NUMBER', 'Number'], ['CHOICE', 'Choice'], ['TEXT', 'Text']];

function KnockoutInput({ question, onChange }: { question: QuestionForm; onChange: (patch: Partial<QuestionForm>) => void }) {
  if (question.type === 'YES_NO') {
    return (
      <label className="field">
        <span>Knockout: disqualify when the answer is</span>
        <select value={question.knockoutAnswer} onChange={(e) => onChange({ knockoutAnswer: e.target.value as QuestionForm['knockoutAnswer'] })}>
          <option value="">— never —</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
    );
  }
  if (question.type === 'NUMBER') {
    return (
      <div className="form-grid">
        <label className="field"><span>Knockout below (min)</span><input inputMode="decimal" value={question.knockoutMin} onChange={(e) => onChange({ knockoutMin: e.target.value })} /></label>
        <label className="field"><span>Knockout above (max)</span><input inputMode="decimal" value={question.knockoutMax} onChange={(e) => onChange({ knockoutMax: e.target.value })} /></label>
      </div>
    );
  }
  if (question.type === 'CHOICE') {
    return (
      <fieldset className="field job-knockout-choices">
        <span>Knockout: disqualify on</span>
        {questionChoices(question).map((choice) => (
          <label key={choice} className="checkbox-row">
            <input type="checkbox" checked={question.knockoutChoices.includes(choice)}
              onChange={(e) => onChange({ knockoutChoices: e.target.checked ? [...question.knockoutChoices, choice] : question.knockoutChoices.filter((c) => c !== choice) })} />
            {choice}
          </label>
        ))}
      </fieldset>
    );
  }
  return null;
}

export function JobQuestionsEditor({ questions, errors, onChange }: Props) {
  const update = (index: number, patch: Partial<QuestionForm>) => onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  return (
    <fieldset className="card job-editor-section" data-testid="job-questions-editor">
      <legend className="card-title">Screening questions</legend>
      {questions.length === 0 && <p className="muted">No questions: applicants only send their details and resume.</p>}
      {questions.map((question, index) => (
        <div key={index} className="job-question" data-testid="job-question">
          <div className="form-grid">
            <label className="field">
              <span>Question</span>
              <input value={question.label} onChange={(e) => update(index, { label: e.target.value })} data-testid="job-question-label" />
              <JobFieldError errors={errors} path={`questions.${index}.label`} />
            </label>
            <label className="field">
              <span>Key (used in pipelines)</span>
              <input className="mono" value={question.key} onChange={(e) => update(index, { key: e.target.value })} data-testid="job-question-key" />
              <JobFieldError errors={errors} path={`questions.${index}.key`} />
            </label>
            <label className="field">
              <span>Answer type</span>
              <select value={question.type} onChange={(e) => update(index, { type: e.target.value as QuestionForm['type'], knockoutAnswer: '', knockoutMin: '', knockoutMax: '', knockoutChoices: [] })}>
                {TYPES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            </label>
            <label className="field checkbox-row">
              <input type="checkbox" checked={question.isRequired} onChange={(e) => update(index, { isRequired: e.target.checked })} /> Required
            </label>
          </div>
          {question.type === 'CHOICE' && (
            <label className="field">
              <span>Choices (one per line)</span>
              <textarea rows={3} value={question.choices} onChange={(e) => update(index, { choices: e.target.value })} />
              <JobFieldError errors={errors} path={`questions.${index}.choices`} />
            </label>
          )}
          <KnockoutInput question={question} onChange={(patch) => update(index, patch)} />
          <JobFieldError errors={errors} path={`questions.${index}.knockout`} />
          <JobFieldError errors={errors} path={`questions.${index}`} isExact />
          <button type="button" className="button button-small button-ghost" onClick={() => onChange(questions.filter((_, i) => i !== index))}>Remove question</button>
        </div>
      ))}
      <button type="button" className="button button-small" data-testid="job-add-question"
        onClick={() => onChange([...questions, { ...EMPTY_QUESTION, key: `question_${questions.length + 1}` }])}>
        Add question
      </button>
    </fieldset>
  );
}
