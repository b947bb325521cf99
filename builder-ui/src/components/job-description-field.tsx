// The job description in Markdown, with a preview rendered by the same sanitising renderer as the
// public careers page (raw HTML escaped, only http(s)/mailto links), so what you see is what applicants see.
import { useMemo, useState } from 'react';
import { renderMarkdown } from '../../../api/careers/markdown';
import type { FieldErrors } from '../jobs/job-form';
import { JobFieldError } from './job-field-error';

export function JobDescriptionField({ value, errors, onChange }: { value: string; errors: FieldErrors; onChange: (value: string) => void }) {
  const [isPreview, setIsPreview] = useState(false);
  const html = useMemo(() => (isPreview ? renderMarkdown(value) : ''), [isPreview, value]);
  return (
    <div className="field" data-testid="job-description">
      <div className="job-description-tabs">
        <span>Description (Markdown)</span>
        <div className="segmented" role="tablist">
          <button type="button" role="tab" aria-selected={!isPreview} className={`segmented-option${isPreview ? '' : ' is-active'}`} onClick={() => setIsPreview(false)}>Write</button>
          <button type="button" role="tab" aria-selected={isPreview} className={`segmented-option${isPreview ? ' is-active' : ''}`} onClick={() => setIsPreview(true)} data-testid="job-description-preview-tab">Preview</button>
        </div>
      </div>
      {isPreview ? (
        // Safe: renderMarkdown never passes raw HTML through.
        <div className="job-description-preview" data-testid="job-description-preview" dangerouslySetInnerHTML={{ __html: html || '<p class="muted">Nothing to preview.</p>' }} />
      ) : (
        <textarea rows={12} value={value} onChange={(e) => onChange(e.target.value)} placeholder={'## About the role\n\nWhat you will do…'} data-testid="job-description-input" />
      )}
      <JobFieldError errors={errors} path="description" />
    </div>
  );
}
