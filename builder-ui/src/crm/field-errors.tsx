// A refused form's errors beside their fields: the API names each problem by a path (`body.capacity`), the
// form says which of its fields that path belongs to.
import type { ReactNode } from 'react';
import { ApiError } from '../api';

/** `body.name.0` → `name`: the first key under the body. */
export const bodyFieldOf = (path: string) => path.replace(/^body\./, '').split('.')[0] ?? '';

export function errorsByField<F extends string>(error: unknown, fieldOf: (path: string) => F | null): Map<F, string[]> {
  const byField = new Map<F, string[]>();
  if (error instanceof ApiError) for (const d of error.details) {
    const field = fieldOf(d.path);
    if (field) byField.set(field, [...(byField.get(field) ?? []), d.message]);
  }
  return byField;
}

/** The messages for one field, each as the form's field error. */
export function fieldErrorsOf<F extends string>(byField: Map<F, string[]>, field: F, testId: string): ReactNode {
  return byField.get(field)?.map((message, i) => <span key={i} className="field-error" data-testid={testId} data-field={field}>{message}</span>);
}
