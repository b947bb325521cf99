// A public form that was refused: the status the API would answer and each
// problem tied to the form field it is about (null: shown at the top), so the
// page can show the form again with its errors. Server errors are thrown on.
import { HTTP_STATUS } from '../errors';
import { toAppError } from '../http-errors';

export interface TFormError {
  field: string | null;
  message: string;
}

export function formErrorsOf(err: unknown, fieldOf: (path: string) => string | null): { status: number; errors: TFormError[] } {
  const appError = toAppError(err);
  const status = HTTP_STATUS[appError.code];
  if (status >= 500) throw err;
  const details = appError.details.length ? appError.details : [{ path: 'body', message: appError.message }];
  return { status, errors: details.map((d) => ({ field: fieldOf(d.path), message: fieldOf(d.path) ? d.message : appError.message })) };
}
