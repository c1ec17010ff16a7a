// Nothing guessable by position: the order a learner sees options in repeats for the same learner and
// play and changes with either, and bots that always pick the first option, the longest or the
// shortest score no better than chance over the shipped packs and over generated ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, ScoreDetail } from './answers';
import { inShownOrder, labelsOffered, shownOrder, shownOrderProblem, type Play } from './choice-order';
import { VERDICT_WORDS } from './exercises/headline';
import type { Item, Pack } from './pack/schema';
import { validatePack } from './pack/validate';
import { HEADLINE_VERDICTS, LABEL_NAMES, LABELS, type HeadlineVerdict, type Label } from './pack/vocabulary';
import { seedOf } from './random';
import type { ScoredPack } from './exercises/registry';
import { scoreAnswer } from './scoring';
import { classifyItem, numbersItem, packOf, ref, sourceItem } from './testing/exercise-items';
import { replayHint, seededRandom, testSeed } from './testing/random';

const LEARNER_A = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const LEARNER_B = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';

const packsDir = join(import.meta.dirname, '../../exercises');
const SEED_PACK_ID = 'nk-troops-russia-2024';
const shippedPacks: Pack[] = readdirSync(packsDir)
  .filter((name) => name.endsWith('.json') && name !== 'pack.schema.json')
  .map((name) => {
    const result = validatePack(JSON.parse(readFileSync(join(packsDir, name), 'utf8')));
    if (!result.ok) throw new Error(`${name} is not valid: ${result.problems.join('; ')}`);
    return result.pack;
  });

/** A learner id for the n-th made-up learner: the ids only seed the shuffle, so any distinct text will do. */
function learner(n: number): string {
  return `learner-${n}`;
}

function play(item: Item, learnerId: string, times: number, packId = 'pack'): Play {
  return { learnerId, packId, itemId: item.id, play: times };
}

describe('shownOrder', () => {
  it('gives the same learner the same order for the same play, and the source options all', () => {
    const first = shownOrder(sourceItem, play(sourceItem, LEARNER_A, 1));
    expect(shownOrder(sourceItem, play(sourceItem, LEARNER_A, 1))).toEqual(first);
    expect([...first!.options!].sort()).toEqual(['a', 'b']);
  });

  it('changes the order with the play and with the learner', () => {
    // Every seed-pack source item has four options: 24 orders. Plays and learners should reach most of them.
    const item = shippedPacks[0]!.items.find((candidate) => candidate.type === 'source')!;
    const key = (times: number, who: string) => shownOrder(item, play(item, who, times))!.options!.join(',');
    const byPlay = new Set(Array.from({ length: 40 }, (_, times) => key(times + 1, LEARNER_A)));
    const byLearner = new Set(Array.from({ length: 40 }, (_, n) => key(1, learner(n))));
    expect(byPlay.size).toBeGreaterThan(12);
    expect(byLearner.size).toBeGreaterThan(12);
    // And two given learners, over the shipped source items, mostly see different orders.
    const sources = shippedPacks.flatMap((pack) => pack.items.filter((candidate) => candidate.type === 'source'));
    const differ = sources.filter(
      (source) =>
        shownOrder(source, play(source, LEARNER_A, 1))!.options!.join() !==
        shownOrder(source, play(source, LEARNER_B, 1))!.options!.join(),
    );
    expect(differ.length).toBeGreaterThan(sources.length / 2);
  });

  it('puts each option first about equally often across learners', () => {
    const learners = 4000;
    const firsts = new Map<string, number>();
    for (let n = 0; n < learners; n++) {
      const first = shownOrder(sourceItem, play(sourceItem, learner(n), 1))!.options![0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // Two options: each first half the time, give or take 3 % (over 6 standard deviations of 0.8 %).
    for (const option of ['a', 'b']) expect(Math.abs((firsts.get(option) ?? 0) / learners - 0.5)).toBeLessThan(0.03);
  });

  it('shuffles the names of a numbers item once for all its figures, and leaves classify and headline items alone', () => {
    const shown = shownOrder(numbersItem, play(numbersItem, LEARNER_A, 1));
    expect(Object.keys(shown!)).toEqual(['sourceOptions']);
    expect([...shown!.sourceOptions!].sort()).toEqual([...numbersItem.sourceOptions].sort());
    expect(shownOrder(classifyItem, play(classifyItem, LEARNER_A, 1))).toBeUndefined();
  });

  it('seeds differently for each part of the play', () => {
    const seeds = new Set([
      seedOf(['a', 'p', 'i', 1].join('\n')),
      seedOf(['b', 'p', 'i', 1].join('\n')),
      seedOf(['a', 'q', 'i', 1].join('\n')),
      seedOf(['a', 'p', 'j', 1].join('\n')),
      seedOf(['a', 'p', 'i', 2].join('\n')),
    ]);
    expect(seeds.size).toBe(5);
  });
});

describe('inShownOrder and shownOrderProblem', () => {
  it('puts an item in the order shown, and keeps the pack order without one', () => {
    expect(inShownOrder(sourceItem, { options: ['b', 'a'] }).options.map((option) => option.id)).toEqual(['b', 'a']);
    expect(inShownOrder(sourceItem, undefined)).toBe(sourceItem);
    expect(inShownOrder(numbersItem, { sourceOptions: ['The union', 'Officials'] }).sourceOptions).toEqual([
      'The union',
      'Officials',
    ]);
  });

  it('keeps an option the pack gained since after the ones shown, and passes over one it lost', () => {
    expect(inShownOrder(sourceItem, { options: ['gone', 'b'] }).options.map((option) => option.id)).toEqual(['b', 'a']);
  });

  it('accepts only an order of the item’s own lists, each entry once', () => {
    expect(shownOrderProblem(sourceItem, { options: ['b', 'a'] })).toBeUndefined();
    expect(shownOrderProblem(sourceItem, { options: ['a', 'a'] })).toMatch(/each of item "who"'s entries once/);
    expect(shownOrderProblem(sourceItem, { options: ['a'] })).toMatch(/entries once/);
    expect(shownOrderProblem(sourceItem, { sourceOptions: ['a', 'b'] })).toMatch(/no list "sourceOptions"/);
    expect(shownOrderProblem(classifyItem, { options: ['a'] })).toMatch(/no list "options"/);
  });

  it('offers labels in the guide’s order whatever order the pack lists them in', () => {
    expect(labelsOffered(['opinion', 'confirmed', 'estimate'])).toEqual(['confirmed', 'estimate', 'opinion']);
    expect(labelsOffered(undefined)).toEqual([...LABELS]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Bots. Each item is answered by picking from every list the learner chooses from, as shown to that
// learner (shuffled lists in their shown order, labels and verdicts in their fixed order), and scored
// with the real scoring of its exercise module. Find items are left out: the learner marks text, and
// there is no list to pick a position from.

/** One list the learner picks from: what each choice reads as on screen, and whether the score says this pick was right. */
interface Choices {
  /** What the list is, for the tally: a shuffled list (`source options`, `numbers names`) or a fixed one. */
  part: string;
  shuffled: boolean;
  values: string[];
  text: (value: string) => string;
  right: (detail: ScoreDetail) => boolean;
}

/** The lists of an item as shown, and the answer that a pick from each makes. */
interface AnswerSpace {
  lists: Choices[];
  answer: (picks: string[]) => Answer;
}

function labelList(part: string, choices: readonly Label[] | undefined, right: Choices['right']): Choices {
  return { part, shuffled: false, values: labelsOffered(choices), text: (label) => LABEL_NAMES[label as Label], right };
}

function answerSpace(shown: Item): AnswerSpace | undefined {
  switch (shown.type) {
    case 'classify':
      return {
        lists: [
          labelList(
            'classify labels',
            shown.choices,
            (detail) => detail.type === 'classify' && detail.accepted.includes(detail.given),
          ),
        ],
        answer: ([label]) => ({ type: 'classify', label: label as Label }),
      };
    case 'source': {
      const text = new Map(shown.options.map((option) => [option.id, option.text]));
      return {
        lists: [
          {
            part: 'source options',
            shuffled: true,
            values: shown.options.map((option) => option.id),
            text: (id) => text.get(id)!,
            right: (detail) => detail.type === 'source' && detail.given === detail.expected,
          },
        ],
        answer: ([optionId]) => ({ type: 'source', optionId: optionId! }),
      };
    }
    case 'headline':
      return {
        lists: [
          {
            part: 'headline verdicts',
            shuffled: false,
            values: [...HEADLINE_VERDICTS],
            text: (verdict) => VERDICT_WORDS[verdict as HeadlineVerdict].choice,
            right: (detail) => detail.type === 'headline' && detail.given === detail.expected,
          },
        ],
        answer: ([verdict]) => ({ type: 'headline', verdict: verdict as HeadlineVerdict }),
      };
    case 'numbers':
      return {
        lists: shown.figures.flatMap((_, index) => [
          labelList(
            'numbers labels',
            shown.choices,
            (detail) => detail.type === 'numbers' && detail.figures[index]!.labelCorrect,
          ),
          {
            part: 'numbers names',
            shuffled: true,
            values: shown.sourceOptions,
            text: (name) => name,
            right: (detail) => detail.type === 'numbers' && detail.figures[index]!.sourceCorrect,
          },
        ]),
        answer: (picks) => ({
          type: 'numbers',
          figures: shown.figures.map((_, index) => ({ label: picks[2 * index] as Label, source: picks[2 * index + 1]! })),
        }),
      };
    case 'find':
      return undefined;
  }
}

type Bot = (list: Choices) => string;
const BOTS: Record<string, Bot> = {
  first: (list) => list.values[0]!,
  longest: (list) => list.values.reduce((best, value) => (list.text(value).length > list.text(best).length ? value : best)),
  shortest: (list) => list.values.reduce((best, value) => (list.text(value).length < list.text(best).length ? value : best)),
};

interface Tally {
  bot: number;
  chance: number;
  count: number;
  /** Over the first learner's plays only, each list or item once: how many, and the sum of a random picker's variances. */
  distinct: number;
  spread: number;
}
type Results = Record<string, Record<string, Tally>>;

function add(results: Results, bot: string, part: string, score: number, chance: number, first = true): void {
  const tally = ((results[bot] ??= {})[part] ??= { bot: 0, chance: 0, count: 0, distinct: 0, spread: 0 });
  tally.bot += score;
  tally.chance += chance;
  tally.count++;
  if (first) {
    tally.distinct++;
    // A score between 0 and 1 with mean m varies by at most m(1 - m).
    tally.spread += chance * (1 - chance);
  }
}

/**
 * What each bot scores over the packs, each item played by each of the learners, against what a
 * random pick gives: per list (right or not, against the share of its choices that are right, the
 * other picks as the bot made them), and per item (`items`: the item's score, against the mean score
 * over every combination of picks).
 */
function playBots(packs: readonly Pack[], learners: number, shuffle = true): Results {
  const results: Results = {};
  for (const pack of packs) {
    for (const item of pack.items) {
      if (answerSpace(item) === undefined) continue;
      const chance = chanceScore(item, pack);
      for (let n = 0; n < learners; n++) {
        const order = shuffle
          ? shownOrder(item, { learnerId: learner(n), packId: pack.id, itemId: item.id, play: 1 })
          : undefined;
        const shown = inShownOrder(item, order);
        const space = answerSpace(shown)!;
        for (const [name, bot] of Object.entries(BOTS)) {
          const picks = space.lists.map(bot);
          const score = scoreAnswer(item, space.answer(picks), pack);
          add(results, name, 'items', score.score, chance, n === 0);
          space.lists.forEach((list, index) => {
            const rightWith = (value: string) =>
              list.right(scoreAnswer(item, space.answer(picks.map((pick, at) => (at === index ? value : pick))), pack).detail);
            const share = list.values.filter(rightWith).length / list.values.length;
            add(results, name, list.part, Number(list.right(score.detail)), share, n === 0);
          });
        }
      }
    }
  }
  return results;
}

/** The score a learner picking at random from every list can expect: the mean over every combination of picks. */
function chanceScore(item: Item, pack: ScoredPack): number {
  const space = answerSpace(item)!;
  let total = 0;
  let count = 0;
  const pick = (picks: string[]): void => {
    const list = space.lists[picks.length];
    if (list === undefined) {
      total += scoreAnswer(item, space.answer(picks), pack).score;
      count++;
      return;
    }
    for (const value of list.values) pick([...picks, value]);
  };
  pick([]);
  return total / count;
}

/**
 * How far above chance a bot may score, as a share of the points.
 *
 * Shipped packs: 0.05. Their texts are fixed, so a length bot's score is a fact about the pack, and
 * 200 learners' shuffles bring the first bot to within about 0.01 of chance: only a tell (the right
 * option first, longest or shortest more often than chance) goes past 0.05.
 *
 * Generated packs: four standard errors of a random picker over the lists generated (at least 0.05).
 * Their texts are random, so even a fair generator lets a length bot stray by chance; four standard
 * errors is a fluke of about 1 in 30,000, while a real tell (the right option always first or longest)
 * lands far past it.
 *
 * Labels and verdicts are in one fixed order for every item, so there a bot is a learner who always
 * gives one answer ("always Confirmed", "always Estimate") and scores the pack's share of that answer:
 * not a matter of position. Only the first bot is checked there, over the shipped packs, with 0.1.
 */
const SHIPPED_MARGIN = () => 0.05;
const GENERATED_MARGIN = (tally: Tally) => Math.max(0.05, (4 * Math.sqrt(tally.spread)) / tally.distinct);
const FIXED_MARGIN = () => 0.1;

function problems(
  results: Results,
  which: (part: string) => boolean,
  margin: (tally: Tally) => number,
  bots = Object.keys(BOTS),
): string[] {
  const found: string[] = [];
  for (const bot of bots) {
    for (const [part, tally] of Object.entries(results[bot] ?? {})) {
      if (!which(part)) continue;
      const score = tally.bot / tally.count;
      const chance = tally.chance / tally.count;
      const allowed = margin(tally);
      if (score > chance + allowed)
        found.push(`${bot} bot, ${part}: ${score.toFixed(3)} against chance ${chance.toFixed(3)} (margin ${allowed.toFixed(3)})`);
    }
  }
  return found;
}

const SHUFFLED_PARTS = new Set(['source options', 'numbers names', 'items']);
const shuffledListProblems = (results: Results, margin: (tally: Tally) => number) =>
  problems(results, (part) => SHUFFLED_PARTS.has(part), margin);
const fixedListProblems = (results: Results) => problems(results, (part) => !SHUFFLED_PARTS.has(part), FIXED_MARGIN, ['first']);

describe('bots that pick by position or length', () => {
  it('score no better than chance over the seed pack, on every list', () => {
    const results = playBots(
      shippedPacks.filter((pack) => pack.id === SEED_PACK_ID),
      200,
    );
    expect(shuffledListProblems(results, SHIPPED_MARGIN)).toEqual([]);
    expect(fixedListProblems(results)).toEqual([]);
    expect(results.first!['source options']!.count).toBeGreaterThan(0);
  });

  // Over the whole library two strategies beat chance through what the articles are like, not through
  // position or length, and are left to the packs to fix: always taking the first label button (always
  // "Confirmed", the commonest label) on whole items, and always naming the outlet in numbers items
  // (most figures in news are the outlet's own). The source options, which position and length could
  // give away, are held to chance over every pack.
  it('score no better than chance on the source options of every shipped pack', () => {
    const results = playBots(shippedPacks, 100);
    expect(problems(results, (part) => part === 'source options', SHIPPED_MARGIN)).toEqual([]);
    expect(results.first!['source options']!.count).toBeGreaterThan(50);
  });

  it('score no better than chance over generated packs whose authors always put the right option first', () => {
    const random = seededRandom(testSeed());
    const packs = Array.from({ length: 150 }, (_, n) => generatedPack(n, random, 'right-first'));
    expect(shuffledListProblems(playBots(packs, 3), GENERATED_MARGIN), replayHint()).toEqual([]);
  });

  it('catch a pack whose right option is always the longest (the check can fail)', () => {
    const random = seededRandom(testSeed());
    const packs = Array.from({ length: 5 }, (_, n) => generatedPack(n, random, 'right-longest'));
    const found = shuffledListProblems(playBots(packs, 5), GENERATED_MARGIN);
    expect(
      found.some((problem) => problem.startsWith('longest bot, source options')),
      replayHint(),
    ).toBe(true);
    expect(
      found.some((problem) => problem.startsWith('first bot')),
      replayHint(),
    ).toBe(false);
  });

  it('catch the right option being first when nothing is shuffled (the check can fail)', () => {
    const random = seededRandom(testSeed());
    const packs = Array.from({ length: 5 }, (_, n) => generatedPack(n, random, 'right-first'));
    // Played in the pack's own order, as the app showed options before they were shuffled.
    const found = shuffledListProblems(playBots(packs, 1, false), GENERATED_MARGIN);
    expect(
      found.some((problem) => problem.startsWith('first bot, source options')),
      replayHint(),
    ).toBe(true);
  });
});

/**
 * A pack of random items as a careless author might write them: source options and numbers' names
 * with the right one first, random labels and verdicts. `right-longest` also makes the right source
 * option the longest.
 */
function generatedPack(n: number, random: () => number, habit: 'right-first' | 'right-longest'): Pack {
  const pickFrom = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (count: number) =>
    Array.from({ length: count }, () => pickFrom(['who', 'said', 'the', 'agency', 'told', 'reporters', 'it'])).join(' ');
  const claim = { ...classifyItem.claim, alsoAccept: [] };
  const items: Item[] = [];
  for (let index = 0; index < 12; index++) {
    const id = `item-${index}`;
    const kind = pickFrom(['classify', 'source', 'source', 'headline', 'numbers'] as const);
    if (kind === 'classify') {
      const label = pickFrom(LABELS);
      items.push({ ...classifyItem, id, claim: { ...claim, label }, choices: undefined });
    } else if (kind === 'source') {
      const count = 2 + Math.floor(random() * 5);
      const options = Array.from({ length: count }, (_, option) => ({
        id: `o${option}`,
        text: words(3 + Math.floor(random() * 8)),
      }));
      if (habit === 'right-longest') options[0]!.text = `${words(12)} and more`;
      items.push({ ...sourceItem, id, options, answer: 'o0' });
    } else if (kind === 'headline') {
      items.push({
        id,
        type: 'headline',
        explanation: '',
        headline: words(6),
        answer: pickFrom(HEADLINE_VERDICTS),
        evidence: [ref(1, 'about 300')],
      });
    } else {
      const names = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, name) => `${words(2)} ${name}`);
      const figures = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
        ...numbersItem.figures[0]!,
        label: pickFrom(LABELS),
        source: { ...numbersItem.figures[0]!.source, name: names[0]! },
      }));
      items.push({ ...numbersItem, id, figures, sourceOptions: names, choices: undefined });
    }
  }
  return { ...packOf(items), id: `generated-${n}` };
}
