/**
 * Runs one contract call against an implementation, whichever transport brought it: checks the
 * method name, refuses an instructor method while instructor mode is locked (the contract says which
 * methods are), validates the raw input against the method's schema, and wraps the result or the
 * error in an envelope. Never throws: a transport sends the envelope back as it is.
 */
import { z } from 'zod';
import { contract, isMethodName, type Service } from './contract';
import { ApiError, formatPath, type Envelope } from './errors';

export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return flatten(error.issues, []).map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** A union's failure as the issues of the branch that came closest (fewest issues), with full paths. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      return flatten(closest, path);
    }
    return [{ path, message: issue.message }];
  });
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first own `__proto__`, `constructor` or `prototype` key anywhere in the input. */
function prototypeKey(input: unknown): string | undefined {
  type Node = { value: unknown; key: PropertyKey | undefined; parent: Node | undefined };
  const pathOf = (node: Node | undefined, last: PropertyKey): string => {
    const keys: PropertyKey[] = [last];
    for (let at = node; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
    return formatPath(keys);
  };
  const stack: Node[] = [{ value: input, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    const array = Array.isArray(value);
    for (const key of Object.keys(value)) {
      if (!array && PROTOTYPE_KEYS.has(key)) return pathOf(node, key);
      stack.push({ value: (value as Record<string, unknown>)[key], key: array ? Number(key) : key, parent: node });
    }
  }
  return undefined;
}

const INSTRUCTOR_LOCKED_MESSAGE = 'This is for instructors: open instructor mode with its passphrase first.';

export async function dispatch(
  api: Service,
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
  // Before the input is even read: a locked caller learns nothing about it, and the service never runs.
  if (contract[method].access === 'instructor' && !api.isInstructorUnlocked()) {
    return { ok: false, error: { code: 'instructor-locked', message: INSTRUCTOR_LOCKED_MESSAGE } };
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
  // zod drops an own __proto__ key from a record, and lets z.unknown() through: refuse them here.
  const forbidden = prototypeKey(rawInput);
  if (forbidden !== undefined) {
    const key = forbidden.split('.').pop();
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `invalid input for ${method}: ${forbidden}: the key "${key}" is not allowed`,
        issues: [{ path: forbidden, message: `the key "${key}" is not allowed` }],
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
