/**
 * Browser mode's backend runs in a worker thread. Loading it (the schemas, the store, the packs'
 * checks) takes 100 ms or more of one core, and a thread of its own does that on the other core while
 * the main thread prints the address and serves the page (docs/performance.md). The main thread keeps
 * the HTTP server, the data lock and the token; the worker answers contract calls, one envelope each.
 */
import { Worker } from 'node:worker_threads';
import type { BackendConfig } from '../services/config';
import type { Caller } from '../services/http/web-server';
import type { Envelope } from '../shared/errors';

/** A contract call sent to the worker. */
export interface ThreadCall {
  id: number;
  method: string;
  input: unknown;
}

/** The worker's answer to one call. */
export interface ThreadAnswer {
  id: number;
  envelope: Envelope<unknown>;
}

/**
 * Starts the worker (`script`, the built backend-worker.js) and gives the function that sends it a
 * call. If the worker fails or stops, the calls waiting and every later one are answered with an
 * `internal` error that says so, and `log` gets the reason once.
 */
export function startBackendThread(script: string, config: BackendConfig, log: (message: string) => void): Caller {
  const worker = new Worker(script, { workerData: config });
  const waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 0;
  let failure: string | undefined;
  const fail = (reason: string) => {
    if (failure !== undefined) return;
    failure = `the backend could not run: ${reason}`;
    log(failure);
    for (const answer of waiting.values()) answer({ ok: false, error: { code: 'internal', message: failure } });
    waiting.clear();
  };
  worker.on('message', ({ id, envelope }: ThreadAnswer) => {
    waiting.get(id)?.(envelope);
    waiting.delete(id);
  });
  worker.on('error', (error) => fail(error.stack ?? error.message));
  worker.on('exit', (code) => fail(`it stopped (exit code ${code})`));
  return (method, input) =>
    new Promise((resolve) => {
      if (failure !== undefined) return resolve({ ok: false, error: { code: 'internal', message: failure } });
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, method, input } satisfies ThreadCall);
    });
}
