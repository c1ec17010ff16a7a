/**
 * Exposes one function per contract method to the page, and nothing else: the page never sees
 * `ipcRenderer`. Runs sandboxed, so it is bundled into one CommonJS file; it takes the method names
 * from a module without the schema library, which would otherwise be bundled in whole.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, methodNames } from '../../src/shared/contract-methods';

const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of methodNames) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input);
}
contextBridge.exposeInMainWorld('sourcewise', bridge);
