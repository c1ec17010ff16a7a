import { describe, expect, it } from 'vitest';
import { Answer } from '../answers';
import { ApiError } from '../errors';
import { answerKey } from '../pack/answer-key';
import { Item } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { ITEM_TYPES } from '../pack/vocabulary';
import { answerFor } from '../testing/answers';
import { FIXTURE_PACK, ITEMS_BY_TYPE } from '../testing/exercise-items';
import { EXERCISE_KINDS, kindOf, scoreAnswer } from './registry';
import { describeAnswer, describeItem, EXERCISE_REPORTING, expectedAnswer } from './reporting';
import { ANSWER_SCHEMAS, ITEM_SCHEMAS } from './schemas';

describe('the exercise registry', () => {
  it('has one module per item type, each under its own name, and nothing else', () => {
    expect(Object.keys(EXERCISE_KINDS).sort()).toEqual([...ITEM_TYPES].sort());
    expect(Object.keys(EXERCISE_REPORTING).sort()).toEqual([...ITEM_TYPES].sort());
    for (const type of ITEM_TYPES) expect(kindOf(type).type).toBe(type);
  });

  it('has one item schema and one answer schema per type, in the order of ITEM_TYPES', () => {
    expect(ITEM_SCHEMAS.map((schema) => schema.shape.type.value)).toEqual([...ITEM_TYPES]);
    expect(ANSWER_SCHEMAS.map((schema) => schema.shape.type.value)).toEqual([...ITEM_TYPES]);
  });

  it('gives every type a name and a standard question, each different', () => {
    const names = ITEM_TYPES.map((type) => kindOf(type).name);
    const questions = ITEM_TYPES.map((type) => kindOf(type).question);
    expect(new Set(names).size).toBe(ITEM_TYPES.length);
    expect(new Set(questions).size).toBe(ITEM_TYPES.length);
  });

  for (const type of ITEM_TYPES) {
    describe(type, () => {
      const item = ITEMS_BY_TYPE[type];

      it('has a fixture item and right and wrong answers that its schemas accept', () => {
        expect(Item.safeParse(item).success).toBe(true);
        expect(Answer.safeParse(answerFor(item, true)).success).toBe(true);
        expect(Answer.safeParse(answerFor(item, false)).success).toBe(true);
      });

      it('scores through the registry: right is right, wrong is wrong, and the score says its type', () => {
        const right = scoreAnswer(item, answerFor(item, true), FIXTURE_PACK);
        const wrong = scoreAnswer(item, answerFor(item, false), FIXTURE_PACK);
        expect([right.itemType, right.detail.type, right.correct, right.score]).toEqual([type, type, true, 1]);
        expect([wrong.itemType, wrong.correct]).toEqual([type, false]);
        expect(wrong.score).toBeLessThan(1);
      });

      it('puts the item and answers into words', () => {
        expect(describeItem(item)).not.toBe('');
        expect(expectedAnswer(item)).not.toBe('');
        expect(describeAnswer(answerFor(item, true))).not.toBe('');
      });
    });
  }

  it('refuses an answer for another type of item, naming both', () => {
    const answer = answerFor(ITEMS_BY_TYPE.headline, true);
    expect(() => scoreAnswer(ITEMS_BY_TYPE.classify, answer, FIXTURE_PACK)).toThrow(ApiError);
    expect(() => scoreAnswer(ITEMS_BY_TYPE.classify, answer, FIXTURE_PACK)).toThrow(
      /classify item, but the answer is for a headline item/,
    );
  });

  it('validates a pack with one item of every type, and keys each of them', () => {
    const pack = FIXTURE_PACK;
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(new Set(answerKey(pack).map((row) => row.type))).toEqual(new Set(ITEM_TYPES));
  });
});
