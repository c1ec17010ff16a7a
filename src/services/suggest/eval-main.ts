/**
 * `npm run eval:suggest`: the analyser measured on the real-news corpus, the test split first and
 * the development split beside it (see docs/suggestions.md). `-- --dev` prints the development split
 * alone: the one to look at while changing the rules. `-- --rules` measures the cue rules without the
 * learned classifier.
 */
import { suggestClaims } from './analyse';
import { evaluateSplit, figuresTable, predictUnits, readSplit, testSplitHash, type CorpusArticle } from './corpus';

const split = readSplit();
// `-- --rules`: the cue rules alone, without the learned classifier.
const predict = process.argv.includes('--rules')
  ? (a: CorpusArticle) => predictUnits(a, suggestClaims(a.text, { classifier: null }))
  : undefined;
const dev = evaluateSplit(split.dev, predict);
if (process.argv.includes('--dev')) {
  console.log(figuresTable(dev, dev).replace(/\| test /g, '| dev '));
} else {
  console.log(figuresTable(evaluateSplit(split.test, predict), dev));
  console.log(`\ntest split hash: ${testSplitHash()}`);
}
