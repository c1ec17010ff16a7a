import { ApiError } from '../../shared/errors';

/** One sentence for the person at the screen; the backend's messages already say what and where. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
