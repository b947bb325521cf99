import { AppError } from '../../errors';

/** A drill-down into a row or column the report does not have: 404 naming the query field. */
export function unknownCell(field: 'row' | 'column', value: string): AppError {
  return new AppError('NOT_FOUND', `this report has no ${field} ${JSON.stringify(value)}`, [{ path: `query.${field}`, message: `no such ${field} in this report` }]);
}
