/**
 * The one error shape that crosses the contract. Services throw `ApiError` for anything a caller
 * can act on; the dispatcher turns it (and any unexpected error) into an `ErrorBody` envelope that
 * both transports carry unchanged, and the renderer turns it back into an `ApiError`.
 */
export type ErrorCode =
  | 'unknown-method'
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden-origin'
  | 'forbidden-sender'
  | 'instructor-locked'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'read-only'
  | 'storage-failed'
  | 'internal'
  | 'transport-failed';

export interface ErrorIssue {
  /** Dotted path into the input, e.g. `items[3].claim.quote`; empty for the input as a whole. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static fromBody(body: ErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues ?? []);
  }
}

/** A failure as the server's log gives it: the stack when there is one. */
export function failureText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Formats a path of keys and indices the way pack authors read it: `items[3].claim.quote`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
