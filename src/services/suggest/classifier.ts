/**
 * A multinomial logistic regression over sparse binary features (strings such as "w:denied" or
 * "rule:unconfirmed"): the learned half of the analyser. Trained by `npm run train:suggest` on the
 * development split (train-main.ts), shipped as model.json, run here in plain TypeScript.
 */

export interface ClassifierModel {
  /** The classes, in the order of every weight row. */
  labels: string[];
  /**
   * Weights and bias are whole numbers of 1/scale (100: hundredths), so the shipped file writes
   * "-7" for -0.07; without it, plain numbers.
   */
  scale?: number;
  features: string[];
  /** One row per feature: a weight per label. */
  weights: number[][];
  bias: number[];
}

/** A model ready to score: its features indexed once. */
export interface LoadedClassifier {
  model: ClassifierModel;
  index: Map<string, number>;
}

export function loadClassifier(model: ClassifierModel): LoadedClassifier {
  return { model, index: new Map(model.features.map((f, i) => [f, i])) };
}

/** The probability of each label, in `model.labels` order. */
export function classify({ model, index }: LoadedClassifier, features: readonly string[]): number[] {
  const scores = [...model.bias];
  for (const f of new Set(features)) {
    const row = index.get(f);
    if (row === undefined) continue;
    const w = model.weights[row]!;
    for (let k = 0; k < scores.length; k += 1) scores[k]! += w[k]!;
  }
  const scale = model.scale ?? 1;
  return softmax(scores.map((s) => s / scale));
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export interface TrainingOptions {
  /** Features seen in fewer examples are dropped. */
  minCount: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty per example step. */
  l2: number;
  /** A weight per label on its examples' gradient (1 when not given): more say for rare labels. */
  classWeights?: Readonly<Record<string, number>>;
  /**
   * The weights are written as whole numbers of 10^-decimals; a feature whose weights all round to
   * 0 is left out (it changes no score).
   */
  decimals: number;
}

/**
 * Trains by stochastic gradient descent in a fixed order (the examples as given, then the same
 * order every epoch): the same examples always give the same weights, to the last digit written.
 */
export function train(
  examples: readonly { features: readonly string[]; label: string }[],
  labels: readonly string[],
  options: TrainingOptions,
): ClassifierModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts.keys()].filter((f) => counts.get(f)! >= options.minCount).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const weights = features.map(() => labels.map(() => 0));
  const bias = labels.map(() => 0);
  const rows = examples.map((e) => ({
    x: [...new Set(e.features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])),
    y: labels.indexOf(e.label),
    weight: options.classWeights?.[e.label] ?? 1,
  }));
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const rate = options.learningRate / (1 + epoch * 0.1);
    for (const { x, y, weight } of rows) {
      const scores = [...bias];
      for (const i of x) for (let k = 0; k < labels.length; k += 1) scores[k]! += weights[i]![k]!;
      const p = softmax(scores);
      for (let k = 0; k < labels.length; k += 1) {
        const g = (p[k]! - (k === y ? 1 : 0)) * weight;
        bias[k]! -= rate * g;
        for (const i of x) weights[i]![k]! -= rate * (g + options.l2 * weights[i]![k]!);
      }
    }
  }
  const scale = 10 ** options.decimals;
  const round = (w: number) => Math.round(w * scale);
  const kept = features.flatMap((f, i) => (weights[i]!.some((w) => round(w) !== 0) ? [i] : []));
  return {
    labels: [...labels],
    scale,
    features: kept.map((i) => features[i]!),
    weights: kept.map((i) => weights[i]!.map(round)),
    bias: bias.map(round),
  };
}
