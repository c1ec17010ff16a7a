/**
 * `npm run eval:suggest`: the analyser measured on the real-news corpus, the test split first and
 * the development split beside it (see docs/suggestions.md). `-- --dev` prints the development split
 * alone: the one to look at while changing the rules.
 */
import { evaluateSplit, figuresTable, readSplit, testSplitHash } from './corpus';

const split = readSplit();
const dev = evaluateSplit(split.dev);
if (process.argv.includes('--dev')) {
  console.log(figuresTable(dev, dev).replace(/\| test /g, '| dev '));
} else {
  console.log(figuresTable(evaluateSplit(split.test), dev));
  console.log(`\ntest split hash: ${testSplitHash()}`);
}
