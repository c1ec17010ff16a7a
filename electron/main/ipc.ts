/**
 * The desktop transport: one `ipcMain.handle` per contract method. Each call is accepted only from
 * the app's own main frame, then validated and run by the shared dispatcher, and answered with an
 * envelope (so errors keep their code and message across the process boundary).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames, type MethodName, type Service } from '../../src/shared/contract';
import { dispatch } from '../../src/shared/dispatch';
import type { Envelope } from '../../src/shared/errors';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function createIpcHandler(
  api: Service,
  method: MethodName,
  isTrustedSender: SenderCheck,
  log: (message: string) => void = console.error,
) {
  return async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      log(`refused ${method} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return { ok: false, error: { code: 'forbidden-sender', message: `${method} may only be called by the app's own window` } };
    }
    return dispatch(api, method, input, (error) =>
      log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
  };
}

export function registerContract(ipcMain: Pick<IpcMain, 'handle'>, api: Service, isTrustedSender: SenderCheck): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), createIpcHandler(api, method, isTrustedSender));
  }
}
