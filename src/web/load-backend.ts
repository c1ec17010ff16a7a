/**
 * Browser mode's backend, loaded on the main thread once the address is printed. The browser needs 80 ms
 * or more after that to open a tab and ask for the page, which is about what the import takes (the
 * schemas, the store); a worker thread of its own cost another 40–60 ms of CPU just to come online, on a
 * machine where start-up is bound by CPU (docs/performance.md, ninth round).
 */
import type { BackendConfig } from '../services/config';
import type { Caller } from '../services/http/web-server';
import type { Service } from '../shared/contract';
import { failureText, type Envelope } from '../shared/errors';

type Dispatch = (
  service: Service,
  method: string,
  input: unknown,
  onError: (error: unknown) => void,
) => Promise<Envelope<unknown>>;

/** What the backend needs loaded: the `Backend` class and `dispatch`. */
export interface BackendModules {
  createBackend(config: BackendConfig): Service & { prepare(): Promise<void> };
  dispatch: Dispatch;
}

const importBackend = async (): Promise<BackendModules> => {
  const [{ Backend }, { dispatch }] = await Promise.all([import('../services/backend'), import('../shared/dispatch')]);
  return { createBackend: (config) => new Backend(config), dispatch };
};

/**
 * Starts loading the backend (`load`, the real modules unless a test says otherwise) and gives the
 * function that runs a call on it, waiting for the load. `prepare()` (the store and class store opened)
 * starts as soon as it is loaded. If loading fails, every call is answered with an `internal` error that
 * says so, and `log` gets the reason once.
 */
export function loadBackend(
  config: BackendConfig,
  log: (message: string) => void,
  load: () => Promise<BackendModules> = importBackend,
): Caller {
  const onError = (method: string) => (error: unknown) => log(`${method} failed: ${failureText(error)}`);
  const ready = load().then(({ createBackend, dispatch }) => {
    const backend = createBackend(config);
    void backend.prepare();
    return (method: string, input: unknown) => dispatch(backend, method, input, onError(method));
  });
  const failure = ready.then(
    () => undefined,
    (error: unknown) => {
      const message = `the backend could not run: ${failureText(error)}`;
      log(message);
      return message;
    },
  );
  return async (method, input) => {
    const message = await failure;
    if (message !== undefined) return { ok: false, error: { code: 'internal', message } };
    return (await ready)(method, input);
  };
}
