/**
 * For tests of transports and of the renderer's screen states: an `Api` whose methods answer as the
 * test says, and fail (naming the method) when called without being given an answer; instructor mode is
 * locked unless the test says otherwise.
 */
import { methodNames, type Api, type MethodInput, type MethodName, type Service } from '../contract';

export function stubApi(overrides: Partial<Api>, { instructorUnlocked = false } = {}): Service {
  const api: Record<string, unknown> = { isInstructorUnlocked: () => instructorUnlocked };
  for (const method of methodNames) {
    api[method] = overrides[method] ?? (async () => Promise.reject(new Error(`${method} is not stubbed in this test`)));
  }
  return api as Service;
}

export interface RecordingApi {
  api: Api;
  /** Every call, in order, with its input. */
  calls: { method: MethodName; input: unknown }[];
  /** The inputs of every call to one method, in order. */
  inputsOf<M extends MethodName>(method: M): MethodInput<M>[];
}

/** A stub that also records every call made to it, answered or not. */
export function recordingApi(overrides: Partial<Api>): RecordingApi {
  const calls: RecordingApi['calls'] = [];
  const stub = stubApi(overrides) as Record<MethodName, (input: unknown) => Promise<unknown>>;
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    api[method] = (input: unknown) => {
      calls.push({ method, input });
      return stub[method](input);
    };
  }
  return {
    api: api as Api,
    calls,
    inputsOf: <M extends MethodName>(method: M) =>
      calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>),
  };
}
