/**
 * For transport tests: a service whose methods fail unless a test gives them an implementation, with
 * instructor mode locked unless the test says otherwise.
 */
import { methodNames, type Api, type Service } from '../contract';

export function stubApi(overrides: Partial<Api>, { instructorUnlocked = false } = {}): Service {
  const api: Record<string, unknown> = { isInstructorUnlocked: () => instructorUnlocked };
  for (const method of methodNames) {
    api[method] = overrides[method] ?? (async () => Promise.reject(new Error(`${method} is not stubbed in this test`)));
  }
  return api as Service;
}
