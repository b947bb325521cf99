// Small pieces shared by the configuration form's inputs: the environment every
// field receives, input ids, the inline issue list, and a number input that keeps
// what is typed.
import type { GraphIssue } from '../../../workflows/graph/plan';
import { numberFromText, textOf } from './config-values';
import { useTextDraft } from './use-text-draft';

export interface FieldEnv {
  issuesAt(pointer: string): readonly GraphIssue[];
  /** Variables available at the node: template autocomplete, condition fields. */
  variables: readonly string[];
  previewContext: Record<string, unknown>;
  idPrefix: string;
}

export const inputId = (env: FieldEnv, pointer: string) => `${env.idPrefix}${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function FieldIssues({ issues }: { issues: readonly GraphIssue[] }) {
  return (
    <>
      {issues.map((issue, i) => (
        <div key={`${issue.code}-${i}`} className="config-field-error" data-testid="config-field-error" data-code={issue.code}>
          {issue.message}
        </div>
      ))}
    </>
  );
}

export function NumberInput({ id, value, min, max, step, isInvalid, onChange }: { id?: string; value: unknown; min?: number; max?: number; step?: number | 'any'; isInvalid?: boolean; onChange(value: unknown): void }) {
  const [text, setText] = useTextDraft(value, textOf);
  return (
    <input id={id} type="number" inputMode="decimal" value={text} min={min} max={max} step={step} aria-invalid={isInvalid || undefined}
      onChange={(e) => {
        const parsed = numberFromText(e.target.value);
        setText(e.target.value, parsed);
        onChange(parsed);
      }} />
  );
}
