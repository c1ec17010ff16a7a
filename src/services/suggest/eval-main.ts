/**
 * `npm run eval:suggest`: the analyser measured on the real-news corpus, the test split first and
 * the development split beside it (see docs/suggestions.md). `-- --dev` prints the development split
 * alone: the one to look at while changing the rules. `-- --rules` measures the cue rules without the
 * learned classifier. `-- --added` prints the dev articles added after `corpus/first-batch.json` alone:
 * until the classifier is retrained with them and rules are tuned on them, text it has never seen.
 */
import { suggestClaims } from './analyse';
import {
  evaluateSplit,
  figuresTable,
  predictUnits,
  readFirstBatch,
  readSplit,
  testSplitHash,
  type CorpusArticle,
} from './corpus';

const split = readSplit();
// `-- --rules`: the cue rules alone, without the learned classifier.
const predict = process.argv.includes('--rules')
  ? (a: CorpusArticle) => predictUnits(a, suggestClaims(a.text, { classifier: null }))
  : undefined;
if (process.argv.includes('--added')) {
  const first = new Set(readFirstBatch());
  const added = evaluateSplit(
    split.dev.filter((name) => !first.has(name)),
    predict,
  );
  console.log(figuresTable(added, added).replace(/\| test /g, '| added '));
  process.exit(0);
}
const dev = evaluateSplit(split.dev, predict);
if (process.argv.includes('--dev')) {
  console.log(figuresTable(dev, dev).replace(/\| test /g, '| dev '));
} else {
  console.log(figuresTable(evaluateSplit(split.test, predict), dev));
  console.log(`\ntest split hash: ${testSplitHash()}`);
}
