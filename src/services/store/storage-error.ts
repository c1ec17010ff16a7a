/**
 * One vocabulary for a write the disk refused, whatever was being written: the same code
 * (`storage-failed`, HTTP 507) and the same plain reason ("the disk is full", "the data folder
 * cannot be written to"), never raw "ENOSPC" text.
 */
import { ApiError } from '../../shared/errors';

/** The reason in plain words for a file system error. */
export function diskProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EEXIST')
    return 'the data folder cannot be written to';
  return `the disk reported ${code ?? (error as Error).message}`;
}

/**
 * `storage-failed` saying what could not be done, why, and what that means:
 * "Progress could not be saved: the disk is full. Nothing was lost; …". An ApiError passes unchanged.
 */
export function storageFailure(error: unknown, failure: string, consequence: string): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('storage-failed', `${failure}: ${diskProblem(error)}. ${consequence}`);
}

/** Runs a write, turning a file system error into `storageFailure`. */
export async function writeOrRefuse<T>(write: () => Promise<T>, failure: string, consequence: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw storageFailure(error, failure, consequence);
  }
}
