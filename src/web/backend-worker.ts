/**
 * The worker thread of browser mode's backend (see `backend-thread.ts`): one `Backend` over the data
 * folder the main thread has locked, answering each call with its envelope.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Backend } from '../services/backend';
import type { BackendConfig } from '../services/config';
import { dispatch } from '../shared/dispatch';
import type { ThreadAnswer, ThreadCall } from './backend-thread';

const port = parentPort;
if (!port) throw new Error('backend-worker.js runs only as a worker thread of browser mode');
const backend = new Backend(workerData as BackendConfig);
void backend.prepare();
port.on('message', ({ id, method, input }: ThreadCall) => {
  void dispatch(backend, method, input, (error) =>
    console.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  ).then((envelope) => {
    try {
      port.postMessage({ id, envelope } satisfies ThreadAnswer);
    } catch (error) {
      // A result that cannot cross to the main thread is a bug here: the caller still gets an answer.
      const message = `${method} gave an answer that could not be sent: ${(error as Error).message}`;
      port.postMessage({ id, envelope: { ok: false, error: { code: 'internal', message } } } satisfies ThreadAnswer);
    }
  });
});
