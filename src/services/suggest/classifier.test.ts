import { describe, expect, it } from 'vitest';
import { classify, loadClassifier, train } from './classifier';
import shippedModel from './model.json';

const EXAMPLES = [
  { features: ['w:denied', 'kind:party'], label: 'denial' },
  { features: ['w:said', 'kind:party'], label: 'confirmed' },
  { features: ['w:denied', 'kind:institution'], label: 'denial' },
  { features: ['w:said', 'kind:institution'], label: 'confirmed' },
];
const OPTIONS = { minCount: 1, epochs: 50, learningRate: 0.2, l2: 0, decimals: 4 };

describe('the classifier', () => {
  it('learns which features point to which label', () => {
    const model = loadClassifier(train(EXAMPLES, ['confirmed', 'denial'], OPTIONS));
    expect(classify(model, ['w:denied'])[1]).toBeGreaterThan(0.8);
    expect(classify(model, ['w:said', 'w:unseen'])[0]).toBeGreaterThan(0.8);
  });

  it('trains to the same weights every time', () => {
    expect(train(EXAMPLES, ['confirmed', 'denial'], OPTIONS)).toEqual(train(EXAMPLES, ['confirmed', 'denial'], OPTIONS));
  });

  it('ships a model over the six classes, with a weight row per feature', () => {
    expect(shippedModel.labels).toEqual(['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion', 'none']);
    expect(shippedModel.weights).toHaveLength(shippedModel.features.length);
    for (const row of shippedModel.weights) expect(row).toHaveLength(6);
  });

  it('writes its weights as whole hundredths, and scores with them as the fractions they stand for', () => {
    expect(shippedModel.scale).toBe(100);
    expect(shippedModel.weights.flat().every(Number.isInteger)).toBe(true);
    expect(shippedModel.weights.every((row) => row.some((w) => w !== 0))).toBe(true);
    const whole = { labels: ['a', 'b'], scale: 100, features: ['x'], weights: [[150, -50]], bias: [0, 0] };
    const plain = { labels: ['a', 'b'], features: ['x'], weights: [[1.5, -0.5]], bias: [0, 0] };
    expect(classify(loadClassifier(whole), ['x'])[0]).toBeCloseTo(classify(loadClassifier(plain), ['x'])[0]!, 12);
    expect(classify(loadClassifier(whole), ['x'])[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });
});
