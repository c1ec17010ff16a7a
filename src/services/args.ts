/** Command-line options shared by the Node entry points (browser mode and the desktop shell). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface ShellOptions {
  dataDir?: string;
  /** Another folder of packs instead of the shipped `exercises/` (instructors' own sets, tests). */
  packsDir?: string;
  port?: number;
}

export function parseShellOptions(argv: readonly string[]): ShellOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' }, 'packs-dir': { type: 'string' }, port: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const options: ShellOptions = {};
  if (typeof values['data-dir'] === 'string' && values['data-dir'] !== '') options.dataDir = resolve(values['data-dir']);
  if (typeof values['packs-dir'] === 'string' && values['packs-dir'] !== '') options.packsDir = resolve(values['packs-dir']);
  if (typeof values.port === 'string') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number`);
    options.port = port;
  }
  return options;
}
