/**
 * `npm run train:suggest`: trains the analyser's classifier on the development split and writes
 * model.json. Deterministic: the articles in name order, their clauses in text order, fixed
 * training settings, weights rounded, so the same corpus always gives the same file.
 * `-- --folds` instead prints the blend's figures on the dev split by two-fold cross-validation
 * (train on half the dev articles, score the other half), and both folds pooled, to choose settings
 * without the test split.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestClaims } from './analyse';
import { loadClassifier, train, type ClassifierModel, type TrainingOptions } from './classifier';
import { evaluateSplit, figuresTable, predictUnits, readArticleUnits, readSplit, UNIT_LABELS } from './corpus';

const OPTIONS: TrainingOptions = { minCount: 1, epochs: 100, learningRate: 0.1, l2: 1e-4 };

/** Every clause of the articles with the gold label of the unit it starts in. */
function examples(names: readonly string[]): { features: string[]; label: string }[] {
  const found: { features: string[]; label: string }[] = [];
  for (const name of [...names].sort()) {
    const article = readArticleUnits(name);
    suggestClaims(article.text, {
      classifier: null,
      onClause: ({ start, features }) => {
        const unit = article.units.find((u) => u.start <= start && start < u.end);
        if (unit) found.push({ features, label: unit.gold.label });
      },
    });
  }
  return found;
}

const trainOn = (names: readonly string[]): ClassifierModel => train(examples(names), UNIT_LABELS, OPTIONS);

/** The model as JSON, one feature per line, so that a retrained model's diff is readable. */
function modelJson(model: ClassifierModel): string {
  return (
    '{\n' +
    `  "labels": ${JSON.stringify(model.labels)},\n` +
    `  "bias": ${JSON.stringify(model.bias)},\n` +
    `  "features": ${JSON.stringify(model.features)},\n` +
    `  "weights": [\n${model.weights.map((w) => `    ${JSON.stringify(w)}`).join(',\n')}\n  ]\n}\n`
  );
}

/** The table's two halves are the blend and the rules alone here, both on held-out dev articles. */
const columns = (table: string) => table.replace(/\| test /g, '| blend ').replace(/\| dev /g, '| rules ');

const dev = readSplit().dev;
if (process.argv.includes('--folds')) {
  const folds = [dev.filter((_, i) => i % 2 === 0), dev.filter((_, i) => i % 2 === 1)];
  const heldOutBy = new Map<string, ReturnType<typeof loadClassifier>>();
  for (const [k, held] of folds.entries()) {
    const classifier = loadClassifier(trainOn(folds[1 - k]!));
    for (const name of held) heldOutBy.set(name, classifier);
    const blend = evaluateSplit(held, (a) => predictUnits(a, suggestClaims(a.text, { classifier })));
    const rules = evaluateSplit(held, (a) => predictUnits(a, suggestClaims(a.text, { classifier: null })));
    console.log(`fold ${k + 1}: blend (left) and rules alone (right), on ${held.length} held-out dev articles`);
    console.log(`${columns(figuresTable(blend, rules))}\n`);
  }
  // Both folds' held-out predictions together: the one figure to compare settings by.
  const pooled = evaluateSplit(dev, (a) => predictUnits(a, suggestClaims(a.text, { classifier: heldOutBy.get(a.name)! })));
  const pooledRules = evaluateSplit(dev, (a) => predictUnits(a, suggestClaims(a.text, { classifier: null })));
  console.log(
    `pooled: blend (left) and rules alone (right), on all ${dev.length} dev articles, each scored by the fold that held it out`,
  );
  console.log(columns(figuresTable(pooled, pooledRules)));
} else {
  const model = trainOn(dev);
  const file = join(import.meta.dirname, 'model.json');
  writeFileSync(file, modelJson(model));
  console.log(`${model.features.length} features, ${model.labels.length} labels: ${file}`);
}
