// Interview scorecard for a FEEDBACK task: a 1–4 score, a recommendation and free-form notes.
// The API answers 202 because the hiring workflow records the feedback asynchronously.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import type { FeedbackScore, FeedbackSubmission, InboxTask } from '../api-types';
import { formatPersonName } from '../format';
import { ErrorNotice } from './error-notice';

const SCORE_OPTIONS: Array<{ score: FeedbackScore; label: string; tone: string; recommendation: Recommendation }> = [
  { score: 1, label: 'Strong no', tone: 'strong-no', recommendation: 'strong_no' },
  { score: 2, label: 'No', tone: 'no', recommendation: 'no' },
  { score: 3, label: 'Yes', tone: 'yes', recommendation: 'yes' },
  { score: 4, label: 'Strong yes', tone: 'strong-yes', recommendation: 'strong_yes' },
];

type Recommendation = FeedbackSubmission['recommendation'];
const RECOMMENDATIONS: Array<{ value: Recommendation; label: string }> = [
  { value: 'strong_yes', label: 'Strong hire' },
  { value: 'yes', label: 'Hire' },
  { value: 'no', label: 'No hire' },
  { value: 'strong_no', label: 'Strong no hire' },
];

type FeedbackFormProps = { task: InboxTask; onSubmitted: () => void; onCancel: () => void };

export function FeedbackForm({ task, onSubmitted, onCancel }: FeedbackFormProps) {
  const [score, setScore] = useState<FeedbackScore | null>(null);
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [notes, setNotes] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null || recommendation === '') return;
    setIsSubmitting(true);
    setError(null);
    try {
      const submission: FeedbackSubmission = { score, recommendation, notes: notes.trim() };
      await apiPost<unknown>(`/api/tasks/${encodeURIComponent(task.id)}/feedback`, submission);
      onSubmitted();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <form className="feedback-form" onSubmit={submit} data-testid="feedback-form" data-task-id={task.id}>
      <div className="feedback-form-heading">
        <strong>Scorecard</strong>
        <span className="muted">
          {formatPersonName(task.candidate)}
          {task.job ? ` · ${task.job.title}` : ''}
          {task.application?.stage ? ` · ${task.application.stage.name}` : ''}
        </span>
      </div>
      <fieldset className="score-picker" data-testid="feedback-score">
        <legend>Overall score</legend>
        {SCORE_OPTIONS.map((option) => (
          <label key={option.score} className={`score-option score-${option.tone}`}>
            <input
              type="radio"
              name={`score-${task.id}`}
              value={option.score}
              checked={score === option.score}
              onChange={() => {
                setScore(option.score);
                // The recommendation follows the score until the interviewer picks one.
                setRecommendation((current) => current || option.recommendation);
              }}
              data-testid={`feedback-score-${option.score}`}
            />
            <span>
              <b>{option.score}</b> {option.label}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Recommendation</span>
        <select
          value={recommendation}
          onChange={(event) => setRecommendation(event.target.value as Recommendation)}
          required
          data-testid="feedback-recommendation"
        >
          <option value="" disabled>
            Choose…
          </option>
          {RECOMMENDATIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Notes</span>
        <textarea
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          rows={4}
          placeholder="Evidence for the score: what the candidate said and did"
          data-testid="feedback-notes"
        />
      </label>
      <ErrorNotice error={error} title="Feedback was not accepted" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={score === null || !recommendation.trim() || isSubmitting}
          data-testid="feedback-submit"
        >
          {isSubmitting ? 'Submitting…' : 'Submit feedback'}
        </button>
      </div>
    </form>
  );
}
