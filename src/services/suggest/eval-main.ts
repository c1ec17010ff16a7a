/**
 * `npm run eval:suggest`: the analyser measured on the real-news corpus, the test split first and
 * the development split beside it (see docs/suggestions.md).
 */
import { evaluateSplit, figuresTable, readSplit, testSplitHash } from './corpus';

const split = readSplit();
const test = evaluateSplit(split.test);
const dev = evaluateSplit(split.dev);
console.log(figuresTable(test, dev));
console.log(`\ntest split hash: ${testSplitHash()}`);
