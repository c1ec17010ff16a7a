/** For transport tests: an `Api` whose methods fail unless a test gives them an implementation. */
import { methodNames, type Api } from '../contract';

export function stubApi(overrides: Partial<Api>): Api {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    api[method] = overrides[method] ?? (async () => Promise.reject(new Error(`${method} is not stubbed in this test`)));
  }
  return api as Api;
}
