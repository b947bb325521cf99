// Maps AppError codes to Temporal failures: errors a retry cannot fix become
// non-retryable, everything else retries under the activity's policy.
import { ApplicationFailure } from '@temporalio/common';
import { AppError, NON_RETRYABLE_CODES } from '../api/errors';

export async function withAppFailures<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && NON_RETRYABLE_CODES.has(err.code)) {
      throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true, details: err.details });
    }
    throw err;
  }
}
