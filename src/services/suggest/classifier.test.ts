import { describe, expect, it } from 'vitest';
import { classify, loadClassifier, train } from './classifier';
import shippedModel from './model.json';

const EXAMPLES = [
  { features: ['w:denied', 'kind:party'], label: 'denial' },
  { features: ['w:said', 'kind:party'], label: 'confirmed' },
  { features: ['w:denied', 'kind:institution'], label: 'denial' },
  { features: ['w:said', 'kind:institution'], label: 'confirmed' },
];
const OPTIONS = { minCount: 1, epochs: 50, learningRate: 0.2, l2: 0 };

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
});
