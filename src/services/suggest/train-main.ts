/**
 * `npm run train:suggest`: trains the analyser's classifier on the development split and writes
 * model.json. Deterministic: the articles in name order, their clauses in text order, fixed
 * training settings, weights rounded, so the same corpus always gives the same file.
 * `-- --folds` instead prints the blend's figures on the dev split by two-fold cross-validation
 * (train on half the dev articles, score the other half), and both folds pooled, to choose settings
 * without the test split.
 * `-- --cv` prints the sturdier held-out figures the seventh session chose by (dev split only):
 * grouped five-fold cross-validation by article, the later batches (trained on the dev articles
 * added before them, scored on `corpus/sixth-batch.json` and `corpus/seventh-batch.json`), and a
 * learning curve. `--l2 X`, `--epochs N`, `--min-count N`, `--decimals N`, `--class-weights label=w,...`
 * change the training settings for a run of `--folds` or `--cv` (not the shipped model's); `--cv` ends
 * with the size of the file those settings would write.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestClaims } from './analyse';
import { loadClassifier, train, type ClassifierModel, type TrainingOptions } from './classifier';
import {
  CORPUS_DIR,
  evaluateSplit,
  figuresTable,
  predictUnits,
  readArticleUnits,
  readBatch,
  readSplit,
  rulesAlone,
  UNIT_LABELS,
  type Scores,
} from './corpus';

const OPTIONS: TrainingOptions = { minCount: 1, epochs: 100, learningRate: 0.1, l2: 1e-2, decimals: 2 };

/** `--name value` from the command line. */
const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : undefined;
};
const weightsArg = arg('class-weights');
const RUN_OPTIONS: TrainingOptions = {
  minCount: Number(arg('min-count') ?? OPTIONS.minCount),
  epochs: Number(arg('epochs') ?? OPTIONS.epochs),
  learningRate: Number(arg('rate') ?? OPTIONS.learningRate),
  l2: Number(arg('l2') ?? OPTIONS.l2),
  decimals: Number(arg('decimals') ?? OPTIONS.decimals),
  ...(weightsArg
    ? { classWeights: Object.fromEntries(weightsArg.split(',').map((p) => [p.split('=')[0]!, Number(p.split('=')[1])])) }
    : {}),
};

type Example = { features: string[]; label: string };
const byArticle = new Map<string, Example[]>();

/** Every clause of the articles with the gold label of the unit it starts in. */
function examples(names: readonly string[]): Example[] {
  return [...names].sort().flatMap((name) => {
    let found = byArticle.get(name);
    if (!found) byArticle.set(name, (found = articleExamples(name)));
    return found;
  });
}

function articleExamples(name: string): Example[] {
  const found: Example[] = [];
  const article = readArticleUnits(name);
  suggestClaims(article.text, {
    classifier: null,
    onClause: ({ start, features }) => {
      const unit = article.units.find((u) => u.start <= start && start < u.end);
      if (unit) found.push({ features, label: unit.gold.label });
    },
  });
  return found;
}

const trainOn = (names: readonly string[], options = RUN_OPTIONS): ClassifierModel =>
  train(examples(names), UNIT_LABELS, options);

/** The model as JSON, one feature per line, so that a retrained model's diff is readable. */
function modelJson(model: ClassifierModel): string {
  return (
    '{\n' +
    `  "labels": ${JSON.stringify(model.labels)},\n` +
    `  "scale": ${JSON.stringify(model.scale)},\n` +
    `  "bias": ${JSON.stringify(model.bias)},\n` +
    `  "features": ${JSON.stringify(model.features)},\n` +
    `  "weights": [\n${model.weights.map((w) => `    ${JSON.stringify(w)}`).join(',\n')}\n  ]\n}\n`
  );
}

/** The table's two halves are the blend and the rules alone here, both on held-out dev articles. */
const BLEND_RULES: [string, string] = ['blend', 'rules'];

const f3 = (x: number) => x.toFixed(3);
const blendOf = (classifier: ReturnType<typeof loadClassifier>) => (a: Parameters<typeof predictUnits>[0]) =>
  predictUnits(a, suggestClaims(a.text, { classifier }));
/** One line of figures: macro-F1, accuracy, and F1 per label. */
const line = (s: Scores) =>
  `macro-F1 ${f3(s.macroF1)}  accuracy ${f3(s.accuracy)}  ` + UNIT_LABELS.map((l) => `${l} ${f3(s.perLabel[l].f1)}`).join('  ');
/** A fixed order of articles that is not the alphabet's: by a hash of the name. */
const hashOrder = (names: readonly string[]) =>
  [...names].sort((a, b) => {
    const h = (n: string) => createHash('sha256').update(n).digest('hex');
    return h(a) < h(b) ? -1 : h(a) > h(b) ? 1 : 0;
  });

const dev = readSplit().dev;
if (process.argv.includes('--cv')) {
  const K = 5;
  const sorted = [...dev].sort();
  const folds = Array.from({ length: K }, (_, k) => sorted.filter((_, i) => i % K === k));
  const fractions = process.argv.includes('--no-curve') ? [1] : [0.25, 0.5, 0.75, 1];
  const curve = fractions.map(() => new Map<string, ReturnType<typeof loadClassifier>>());
  const perFold: string[] = [];
  const foldF1: number[] = [];
  for (const [k, held] of folds.entries()) {
    const training = hashOrder(folds.filter((_, j) => j !== k).flat());
    for (const [c, fraction] of fractions.entries()) {
      const classifier = loadClassifier(trainOn(training.slice(0, Math.ceil(training.length * fraction))));
      for (const name of held) curve[c]!.set(name, classifier);
    }
    const scores = evaluateSplit(held, blendOf(curve.at(-1)!.get(held[0]!)!));
    foldF1.push(scores.macroF1);
    perFold.push(`fold ${k + 1} (${held.length} articles): ${line(scores)}`);
  }
  const pooled = evaluateSplit(dev, (a) => blendOf(curve.at(-1)!.get(a.name)!)(a));
  console.log(`five-fold CV by article on the ${dev.length} dev articles, training ${JSON.stringify(RUN_OPTIONS)}`);
  console.log(perFold.join('\n'));
  // How much the folds differ: a change smaller than this spread is no evidence.
  const mean = foldF1.reduce((a, b) => a + b, 0) / K;
  const sd = Math.sqrt(foldF1.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1));
  console.log(`fold macro-F1: mean ${f3(mean)}, standard deviation ${f3(sd)}`);
  console.log(`pooled blend: ${line(pooled)}`);
  console.log(`pooled rules alone: ${line(evaluateSplit(dev, rulesAlone))}`);
  console.log('learning curve (pooled blend, each fold trained on a share of its training articles):');
  for (const [c, fraction] of fractions.entries()) {
    const s = evaluateSplit(dev, (a) => blendOf(curve[c]!.get(a.name)!)(a));
    console.log(`  ${String(fraction * 100).padStart(3)} %: macro-F1 ${f3(s.macroF1)}  accuracy ${f3(s.accuracy)}`);
  }
  const later = new Set([
    ...readBatch(join(CORPUS_DIR, 'sixth-batch.json')),
    ...readBatch(join(CORPUS_DIR, 'seventh-batch.json')),
  ]);
  const laterNames = dev.filter((name) => later.has(name));
  const earlier = dev.filter((name) => !later.has(name));
  const laterScores = evaluateSplit(laterNames, blendOf(loadClassifier(trainOn(earlier))));
  console.log(`later batches (trained on ${earlier.length} earlier dev articles, scored on ${laterNames.length}):`);
  console.log(`  blend: ${line(laterScores)}`);
  console.log(`  rules alone: ${line(evaluateSplit(laterNames, rulesAlone))}`);
  console.log(
    `SUMMARY cv ${f3(pooled.macroF1)} ${f3(pooled.accuracy)} later ${f3(laterScores.macroF1)} ${f3(laterScores.accuracy)}`,
  );
  // The file these settings would ship, trained on every dev article (not written).
  const whole = trainOn(dev);
  console.log(`model file with these settings: ${whole.features.length} features, ${Buffer.byteLength(modelJson(whole))} bytes`);
} else if (process.argv.includes('--folds')) {
  const folds = [dev.filter((_, i) => i % 2 === 0), dev.filter((_, i) => i % 2 === 1)];
  const heldOutBy = new Map<string, ReturnType<typeof loadClassifier>>();
  for (const [k, held] of folds.entries()) {
    const classifier = loadClassifier(trainOn(folds[1 - k]!));
    for (const name of held) heldOutBy.set(name, classifier);
    const blend = evaluateSplit(held, (a) => predictUnits(a, suggestClaims(a.text, { classifier })));
    const rules = evaluateSplit(held, (a) => predictUnits(a, suggestClaims(a.text, { classifier: null })));
    console.log(`fold ${k + 1}: blend (left) and rules alone (right), on ${held.length} held-out dev articles`);
    console.log(`${figuresTable(blend, rules, BLEND_RULES)}\n`);
  }
  // Both folds' held-out predictions together: the one figure to compare settings by.
  const pooled = evaluateSplit(dev, (a) => predictUnits(a, suggestClaims(a.text, { classifier: heldOutBy.get(a.name)! })));
  const pooledRules = evaluateSplit(dev, (a) => predictUnits(a, suggestClaims(a.text, { classifier: null })));
  console.log(
    `pooled: blend (left) and rules alone (right), on all ${dev.length} dev articles, each scored by the fold that held it out`,
  );
  console.log(figuresTable(pooled, pooledRules, BLEND_RULES));
} else {
  const model = trainOn(dev, OPTIONS);
  const file = join(import.meta.dirname, 'model.json');
  writeFileSync(file, modelJson(model));
  console.log(`${model.features.length} features, ${model.labels.length} labels: ${file}`);
}
