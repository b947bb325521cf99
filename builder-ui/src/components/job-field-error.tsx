// The server's complaint about one field of the job editor, shown under that field.
import { errorsAt, type FieldErrors } from '../jobs/job-form';

/** `isExact`: only this path, not the fields below it (a list's own error, apart from its rows'). */
export function JobFieldError({ errors, path, isExact = false }: { errors: FieldErrors; path: string; isExact?: boolean }) {
  const messages = isExact ? errors[path] ?? [] : errorsAt(errors, path);
  if (messages.length === 0) return null;
  return (
    <div className="field-error" role="alert" data-testid="field-error" data-field={path}>
      {messages.join('; ')}
    </div>
  );
}
