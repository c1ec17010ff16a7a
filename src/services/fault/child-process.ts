/** Runs a bundled child script with `node`, collecting its output, for the fault tests. */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ChildRun {
  pid: number;
  /** Resolves once the child printed `ready` (or ended). */
  ready: Promise<void>;
  /** Sends the line that lets a waiting child start. */
  go: () => void;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function startChild(script: string, args: string[], options: Pick<SpawnOptions, 'uid' | 'gid' | 'cwd'> = {}): ChildRun {
  const child = spawn(process.execPath, [script, ...args], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin!.on('error', () => undefined);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => {
        onReady();
        resolve({ code, signal, stdout: stdout.replace(/^ready\n/, ''), stderr });
      });
    },
  );
  return { pid: child.pid ?? -1, ready, go: () => child.stdin!.write('go\n'), done };
}
