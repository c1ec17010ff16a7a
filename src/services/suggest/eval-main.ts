/**
 * `npm run eval:suggest`: the analyser measured on the real-news corpus, the test split first and
 * the development split beside it (see docs/suggestions.md). `-- --dev` prints the development split
 * alone: the one to look at while changing the rules. `-- --rules` measures the cue rules without the
 * learned classifier. `-- --added` prints the dev articles added after `corpus/first-batch.json` alone,
 * `-- --batch FILE` the articles a batch file lists (a JSON array of names, such as
 * `corpus/sixth-batch.json`): until the classifier is retrained with them and rules are tuned on
 * them, text it has never seen. The default output ends with the other outlets' held-out articles
 * (`otherOutlets` in corpus/split.json), the blend and the rules alone side by side.
 */
import {
  evaluateSplit,
  figuresTable,
  otherOutletsTable,
  readBatch,
  readFirstBatch,
  readSplit,
  rulesAlone,
  testSplitHash,
} from './corpus';

const split = readSplit();
// `-- --rules`: the cue rules alone, without the learned classifier.
const predict = process.argv.includes('--rules') ? rulesAlone : undefined;
/** One set of articles alone, in both halves of the table, the left one headed by `name`. */
function alone(names: readonly string[], name: string): string {
  const scores = evaluateSplit(names, predict);
  return figuresTable(scores, scores, [name, name]);
}

const batch = process.argv.indexOf('--batch');
if (batch > 0) {
  const file = process.argv[batch + 1];
  if (!file) throw new Error('--batch needs a file: a JSON array of article names, such as corpus/sixth-batch.json');
  const listed = new Set(readBatch(file));
  // Any listed article but the test split's: a dev batch, or the other outlets held out.
  console.log(
    alone(
      [...split.dev, ...split.otherOutlets].filter((name) => listed.has(name)),
      'batch',
    ),
  );
} else if (process.argv.includes('--added')) {
  const first = new Set(readFirstBatch());
  console.log(
    alone(
      split.dev.filter((name) => !first.has(name)),
      'added',
    ),
  );
} else if (process.argv.includes('--dev')) {
  console.log(alone(split.dev, 'dev'));
} else {
  const dev = evaluateSplit(split.dev, predict);
  console.log(figuresTable(evaluateSplit(split.test, predict), dev));
  console.log(`\ntest split hash: ${testSplitHash()}`);
  console.log(`\nthe other outlets, held out (${split.otherOutlets.length} articles):\n${otherOutletsTable()}`);
}
