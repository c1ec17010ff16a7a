/**
 * Runs one contract call against an implementation, whichever transport brought it: checks the
 * method name, validates the raw input against the method's schema, and wraps the result or the
 * error in an envelope. Never throws: a transport sends the envelope back as it is.
 */
import { z } from 'zod';
import { contract, isMethodName, type Api } from './contract';
import { ApiError, formatPath, type Envelope } from './errors';

export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export async function dispatch(
  api: Api,
  method: string,
  rawInput: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown-method', message: `unknown method "${method.slice(0, 100)}"` },
    };
  }
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    const where = first && first.path ? `${first.path}: ` : '';
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `invalid input for ${method}: ${where}${first?.message ?? 'rejected'}`,
        issues,
      },
    };
  }
  try {
    const call = api[method] as (input: unknown) => Promise<unknown>;
    const value = await call.call(api, parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    onInternalError(error);
    return {
      ok: false,
      error: { code: 'internal', message: `${method} failed: ${errorMessage(error)}` },
    };
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
