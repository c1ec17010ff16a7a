/**
 * Child process for two-processes.test.ts. Loads, prints `ready`, and waits for a line on stdin so
 * that two of them can be let go at the same moment. Then it takes the data folder's lock as browser
 * mode would: if it gets it, it records answers for the given time (default 300 ms) under a learner
 * of its own, prints `wrote <n>`, releases the lock and exits 0; if not, it prints
 * `refused <message>` and exits 2.
 */
import { acquireDataLock } from '../store/data-lock';
import { ProgressStore } from '../store/progress-store';
import { validAttempt } from './fixtures';

const [dataDir, durationArgument] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-writer <dataDir> [milliseconds]');
const duration = Number(durationArgument ?? 300);

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();

const lock = await acquireDataLock(dataDir, 'browser');
if (!lock.ok) {
  process.stdout.write(`refused ${lock.message}\n`);
  process.exit(2);
}

const store = new ProgressStore(dataDir);
const learner = await store.createLearner(`Writer ${process.pid}`);
const started = Date.now();
let written = 0;
while (Date.now() - started < duration) {
  await store.addAttempt(validAttempt(learner.id));
  written++;
}
lock.release();
process.stdout.write(`wrote ${written}\n`);
