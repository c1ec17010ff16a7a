/**
 * Child process for kill.test.ts: takes the data lock like the app does, opens the store on the data
 * folder given as the first argument, makes sure there is a learner, then records answers for ever,
 * printing `ack <attemptId>` only after `addAttempt` resolved (the moment the app would show
 * feedback). An optional second argument caps the number of answers, after which it idles until killed.
 * With `--wait-for-go` it loads, prints `ready` and starts only once a line arrives on stdin, so the
 * test can start the next child (Node's start-up) while it is still checking the previous round.
 * With `--compact-after=<n>` the store folds its journal into a new snapshot every n answers, so that
 * kills land in folds too.
 */
import { acquireDataLock } from '../store/data-lock';
import { ProgressStore } from '../store/progress-store';
import { validAttempt } from './fixtures';

const waitForGo = process.argv.includes('--wait-for-go');
const compactAfter = process.argv.find((argument) => argument.startsWith('--compact-after='))?.split('=')[1];
const [dataDir, capArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
if (!dataDir) throw new Error('usage: answer-loop <dataDir> [maxAnswers] [--wait-for-go] [--compact-after=<n>]');
const cap = capArgument === undefined ? Infinity : Number(capArgument);

if (waitForGo) {
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
}

const lock = await acquireDataLock(dataDir, 'browser');
if (!lock.ok) {
  process.stdout.write(`locked ${lock.message}\n`);
  process.exit(3);
}

const store = new ProgressStore(dataDir, compactAfter ? { compactAfterRecords: Number(compactAfter) } : {});
await store.open();
const learner = (await store.listLearners())[0] ?? (await store.createLearner('Kill test'));
process.stdout.write(`learner ${learner.id}\n`);

for (let count = 0; count < cap; count++) {
  const attempt = validAttempt(learner.id);
  await store.addAttempt(attempt);
  process.stdout.write(`ack ${attempt.id}\n`);
}
process.stdout.write('capped\n');
setInterval(() => undefined, 60_000);
