import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from './answers';
import type { ClassData, ClassLearner } from './class-data';
import { completedRounds, describeAnswer, describeItem, expectedAnswer, summariseClass } from './class-report';
import { Pack, type Item } from './pack/schema';
import type { Label } from './pack/vocabulary';
import type { Attempt } from './progress';
import { scoredAttempt } from './testing/answers';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);

const ADA = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';
const CY = '00000000-0000-4000-8000-00000000000c';

let counter = 0;
function attempt(
  learnerId: string,
  itemId: string,
  answer: Answer,
  extra: { pack?: Pack; round?: number; mode?: 'pack' | 'review'; at?: string; ms?: number } = {},
): Attempt {
  const pack = extra.pack ?? SEED;
  const item = pack.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) throw new Error(`fixture: no item ${itemId}`);
  counter += 1;
  return scoredAttempt(pack, item, answer, {
    id: `10000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    learnerId,
    round: extra.round ?? 1,
    mode: extra.mode,
    timeTakenMs: extra.ms ?? 1000,
    answeredAt: extra.at ?? '2024-11-04T09:00:00.000Z',
  });
}

const classify = (label: Label): Answer => ({ type: 'classify', label });

function classData(learners: ClassLearner[], packs: Pack[] = [SEED]): ClassData {
  return { learners, packs, generatedAt: '2024-11-05T12:00:00.000Z', appVersion: '0.1.0' };
}

/** Every item answered right, for completing a round. */
function rightAnswer(item: Item): Answer {
  switch (item.type) {
    case 'classify':
      return classify(item.claim.label);
    case 'find':
      return { type: 'find', spans: item.spans.map(({ paragraph, start, end }) => ({ paragraph, start, end })) };
    case 'source':
      return { type: 'source', optionId: item.answer };
    case 'headline':
      return { type: 'headline', verdict: item.answer };
    case 'numbers':
      return { type: 'numbers', figures: item.figures.map((figure) => ({ label: figure.label, source: figure.source.name })) };
  }
}

// Ada: two classify items right, the denial called unconfirmed, a headline right, then the denial
// right in review. Bo: the confirmation and the denial both called unconfirmed. Cy: nothing yet.
const ada: ClassLearner = {
  learnerId: ADA,
  name: 'Ada',
  attempts: [
    attempt(ADA, 'classify-official-confirms-troops-sent', classify('confirmed'), { at: '2024-11-04T09:00:00.000Z', ms: 4000 }),
    attempt(ADA, 'classify-official-mission-unclear', classify('unconfirmed'), { at: '2024-11-04T09:01:00.000Z', ms: 3000 }),
    attempt(ADA, 'classify-north-korea-denied', classify('unconfirmed'), { at: '2024-11-04T09:02:00.000Z', ms: 2000 }),
    attempt(
      ADA,
      'headline-real-us-officials-confirm',
      { type: 'headline', verdict: 'supported' },
      { at: '2024-11-04T09:03:00.000Z', ms: 6000 },
    ),
    attempt(ADA, 'classify-north-korea-denied', classify('denial'), { mode: 'review', at: '2024-11-06T08:00:00.000Z', ms: 1500 }),
  ],
};
const bo: ClassLearner = {
  learnerId: BO,
  name: 'Bo',
  attempts: [
    attempt(BO, 'classify-official-confirms-troops-sent', classify('unconfirmed'), { at: '2024-11-03T10:00:00.000Z' }),
    attempt(BO, 'classify-north-korea-denied', classify('unconfirmed'), { at: '2024-11-03T10:05:00.000Z' }),
  ],
};
const cy: ClassLearner = { learnerId: CY, name: 'Cy', attempts: [] };

describe('summariseClass on a small class', () => {
  // Given in reverse order: the report sorts learners by name.
  const summary = summariseClass(classData([cy, bo, ada]));

  it('has one row per learner × pack with attempts, learners by name', () => {
    expect(summary.rows.map((row) => [row.learnerName, row.packId])).toEqual([
      ['Ada', 'nk-troops-russia-2024'],
      ['Bo', 'nk-troops-russia-2024'],
    ]);
    expect(summary.learners.map((learner) => learner.name)).toEqual(['Ada', 'Bo', 'Cy']);
  });

  it('counts pack and review attempts alike, and distinct items', () => {
    const row = summary.rows[0]!;
    expect(row).toMatchObject({
      learnerId: ADA,
      packTitle: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
      packKnown: true,
      packVersion: SEED.version,
      versionsAnswered: [SEED.version],
      itemsInPack: 38,
      itemsAnswered: 4,
      attempts: 5,
      reviewAttempts: 1,
      correct: 4,
      accuracy: 0.8,
      meanScore: 0.8,
      roundsCompleted: 0,
      firstAnsweredAt: '2024-11-04T09:00:00.000Z',
      lastAnsweredAt: '2024-11-06T08:00:00.000Z',
      totalTimeMs: 16500,
    });
    // The headline judges no label; the denial was judged twice.
    expect(row.labels.confirmed).toMatchObject({ right: 1, total: 1, accuracy: 1 });
    expect(row.labels.unconfirmed).toMatchObject({ right: 1, total: 1, accuracy: 1 });
    expect(row.labels.denial).toMatchObject({ right: 1, total: 2, accuracy: 0.5 });
    expect(row.labels.estimate).toMatchObject({ right: 0, total: 0, accuracy: undefined, dPrime: undefined });
  });

  it('gives d′ and c only with enough judgements on both sides, keeping the counts', () => {
    const { labels } = summary.rows[0]!;
    // Ada's judgements: confirmed→confirmed, unconfirmed→unconfirmed, denial→unconfirmed, denial→denial.
    expect(labels.confirmed).toMatchObject({ hits: 1, misses: 0, falseAlarms: 0, correctRejections: 3, enough: false });
    expect(labels.unconfirmed).toMatchObject({ hits: 1, falseAlarms: 1, hitRate: 1, precision: 0.5, enough: false });
    for (const label of ['confirmed', 'unconfirmed', 'denial', 'opinion'] as const) {
      expect(labels[label].dPrime).toBeUndefined();
      expect(labels[label].criterion).toBeUndefined();
    }
  });

  it('computes d′ and c per label from the judgements (log-linear correction) once there are enough', () => {
    const confirmation = 'classify-official-confirms-troops-sent';
    const denial = 'classify-north-korea-denied';
    const dee: ClassLearner = {
      learnerId: CY,
      name: 'Dee',
      attempts: [
        ...Array.from({ length: 5 }, () => attempt(CY, confirmation, classify('confirmed'))),
        ...Array.from({ length: 5 }, () => attempt(CY, denial, classify('unconfirmed'))),
      ],
    };
    const { labels } = summariseClass(classData([dee])).rows[0]!;
    // confirmed: H' = 5.5/6, F' = 0.5/6: d' = 1.3829941 + 1.3829941, c = 0.
    expect(labels.confirmed.dPrime).toBeCloseTo(2.7659882, 5);
    expect(labels.confirmed.criterion).toBeCloseTo(0, 5);
    // denial, never chosen: H = F = 0, so d' = 0; c = −(−1.3829941 − 1.3829941)/2, a clear lean away.
    expect(labels.denial.dPrime).toBe(0);
    expect(labels.denial.criterion).toBeCloseTo(1.3829941, 5);
    // unconfirmed was never the truth.
    expect(labels.unconfirmed).toMatchObject({ hitRate: undefined, precision: 0, dPrime: undefined });
  });

  it('totals the class and pools the judgements for class-wide d′', () => {
    expect(summary.totals).toEqual({
      learners: 3,
      activeLearners: 2,
      attempts: 7,
      reviewAttempts: 1,
      correct: 4,
      accuracy: 4 / 7,
      totalTimeMs: 18500,
      firstAnsweredAt: '2024-11-03T10:00:00.000Z',
      lastAnsweredAt: '2024-11-06T08:00:00.000Z',
    });
    const { confirmed, denial } = summary.labels;
    expect(confirmed).toMatchObject({
      right: 1,
      total: 2,
      accuracy: 0.5,
      hits: 1,
      misses: 1,
      falseAlarms: 0,
      correctRejections: 4,
    });
    // Too few judgements for d′, for the class and for each learner.
    expect(confirmed).toMatchObject({ dPrime: undefined, meanLearnerDPrime: undefined, learnersWithDPrime: 0 });
    expect(denial).toMatchObject({ right: 1, total: 3, hits: 1, misses: 2, falseAlarms: 0, correctRejections: 3 });
    expect(denial.dPrime).toBeUndefined();
    expect(summary.packs).toEqual([
      {
        packId: 'nk-troops-russia-2024',
        title: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
        known: true,
        version: SEED.version,
        items: 38,
        learners: 2,
        attempts: 7,
        correct: 4,
        accuracy: 4 / 7,
      },
    ]);
  });

  it('lists the most-missed items with their explanations, most missed first', () => {
    const denied = SEED.items.find((item) => item.id === 'classify-north-korea-denied')!;
    expect(summary.mostMissed).toHaveLength(2);
    expect(summary.mostMissed[0]).toEqual({
      packId: 'nk-troops-russia-2024',
      packTitle: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
      itemId: 'classify-north-korea-denied',
      itemType: 'classify',
      summary: describeItem(denied),
      answer: 'Denial',
      explanation: denied.explanation,
      attempts: 3,
      missed: 2,
      shareMissed: 2 / 3,
      learners: 2,
      learnersMissed: 2,
    });
    expect(summary.mostMissed[1]).toMatchObject({
      itemId: 'classify-official-confirms-troops-sent',
      attempts: 2,
      missed: 1,
      shareMissed: 0.5,
      learnersMissed: 1,
    });
    expect(summariseClass(classData([ada, bo]), { topMissed: 1 }).mostMissed).toHaveLength(1);
  });

  it('keeps learners with no attempts, with nothing to report', () => {
    const none = summary.learners[2]!;
    expect(none).toMatchObject({
      name: 'Cy',
      attempts: 0,
      accuracy: undefined,
      packs: [],
      readings: [],
      blanketLabel: undefined,
    });
  });
});

describe('summariseClass options and edge cases', () => {
  const other: Pack = { ...SEED, id: 'other-pack', version: 3, meta: { ...SEED.meta, title: 'Another pack' } };
  const lost = { ...SEED, id: 'lost-pack' };
  const dee: ClassLearner = {
    learnerId: CY,
    name: 'Dee',
    attempts: [
      attempt(CY, 'classify-official-we-know', classify('confirmed'), { pack: other }),
      attempt(CY, 'classify-official-we-know', classify('estimate'), { pack: lost }),
      attempt(CY, 'classify-official-we-know', classify('confirmed'), { pack: SEED }),
    ],
  };

  it('limits everything to one pack with packId', () => {
    const summary = summariseClass(classData([ada, bo, dee], [SEED, other]), { packId: 'other-pack' });
    expect(summary.packId).toBe('other-pack');
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]).toMatchObject({ learnerName: 'Dee', packId: 'other-pack', packVersion: 3, attempts: 1 });
    expect(summary.totals).toMatchObject({ learners: 3, activeLearners: 1, attempts: 1, correct: 1 });
    expect(summary.packs.map((pack) => pack.packId)).toEqual(['other-pack']);
    expect(summary.mostMissed).toEqual([]);
  });

  it('falls back to ids for packs the instructor does not have, after the known ones', () => {
    const summary = summariseClass(classData([dee], [other, SEED]));
    expect(summary.rows.map((row) => [row.packId, row.packTitle, row.packKnown, row.itemsInPack])).toEqual([
      ['other-pack', 'Another pack', true, 38],
      ['nk-troops-russia-2024', 'U.S. Officials Confirm North Korea Sent Troops to Russia', true, 38],
      ['lost-pack', 'lost-pack', false, undefined],
    ]);
    expect(summary.mostMissed[0]).toMatchObject({
      packId: 'lost-pack',
      packTitle: 'lost-pack',
      summary: 'classify-official-we-know',
      answer: undefined,
      explanation: undefined,
    });
  });

  it('flags a learner who calls everything unconfirmed', () => {
    const doubter: ClassLearner = {
      learnerId: ADA,
      name: 'Doubter',
      attempts: SEED.items
        .filter((item) => item.type === 'classify')
        .map((item) => attempt(ADA, item.id, classify('unconfirmed'))),
    };
    const learner = summariseClass(classData([doubter])).learners[0]!;
    expect(learner.blanketLabel).toBe('unconfirmed');
    expect(learner.readings[0]?.kind).toBe('sceptic');
  });
});

describe('completedRounds', () => {
  const round = (n: number, mode: 'pack' | 'review' = 'pack', skip = 0) =>
    SEED.items.slice(skip).map((item, index) =>
      attempt(ADA, item.id, rightAnswer(item), {
        round: n,
        mode,
        at: `2024-11-0${n}T10:${String(index).padStart(2, '0')}:00.000Z`,
      }),
    );

  it('needs every item of the pack answered in pack mode in the same round', () => {
    const attempts = [...round(1), ...round(2, 'pack', 1), ...round(3, 'review')];
    const done = completedRounds(SEED, attempts);
    expect(done.map((entry) => entry.round)).toEqual([1]);
    expect(done[0]!.completedAt).toBe('2024-11-01T10:37:00.000Z');
    expect(done[0]!.attempts).toHaveLength(38);
    const summary = summariseClass(classData([{ learnerId: ADA, name: 'Ada', attempts }]));
    expect(summary.rows[0]).toMatchObject({ roundsCompleted: 1, attempts: 38 + 37 + 38, reviewAttempts: 38, itemsAnswered: 38 });
  });
});

describe('describing items and answers', () => {
  const byId = (id: string) => SEED.items.find((item) => item.id === id)!;

  it('says what an item is about and what the right answer is', () => {
    expect(describeItem(byId('classify-north-korea-denied'))).toMatch(/^“.+”$/);
    expect(describeItem(byId('headline-moscow-confirms'))).toMatch(/^Headline: “/);
    expect(expectedAnswer(byId('headline-moscow-confirms'))).toBe('says more than the body supports');
    expect(expectedAnswer(byId('numbers-us-vs-seoul-counts'))).toContain('“an additional 1,500 troops”: Estimate, South Korea');
  });

  it('writes answers in words', () => {
    expect(describeAnswer({ type: 'find', spans: [{ paragraph: 2, start: 4, end: 9 }] })).toBe('2:4-9');
    expect(describeAnswer({ type: 'find', spans: [] })).toBe('(nothing marked)');
    expect(describeAnswer({ type: 'numbers', figures: [{ label: 'estimate', source: 'AFP' }] })).toBe('estimate (AFP)');
  });
});

describe('summariseClass: new articles and articles seen before', () => {
  const [first, second, third] = ['first', 'second', 'third'].map((id): Pack => ({
    ...SEED,
    id,
    meta: { ...SEED.meta, title: id },
  })) as [Pack, Pack, Pack];
  const packs = [first, second, third];
  const CONFIRMED = 'classify-official-confirms-troops-sent';
  const at = (minute: number) => `2024-11-04T09:${String(minute).padStart(2, '0')}:00.000Z`;
  const ada: ClassLearner = {
    learnerId: ADA,
    name: 'Ada',
    attempts: [
      attempt(ADA, CONFIRMED, classify('opinion'), { pack: first, at: at(1) }),
      attempt(ADA, CONFIRMED, classify('confirmed'), { pack: second, at: at(2) }),
      attempt(ADA, CONFIRMED, classify('confirmed'), { pack: third, at: at(3) }),
      attempt(ADA, CONFIRMED, classify('confirmed'), { pack: first, at: at(4), mode: 'review' }),
    ],
  };

  it('counts each learner by the order they began their packs, and adds the class up', () => {
    const summary = summariseClass(classData([ada, { ...ada, learnerId: BO, name: 'Bo' }], packs));
    const [learner] = summary.learners;
    expect(learner!.transfer.confirmed).toEqual({
      early: { right: 1, total: 2, accuracy: undefined },
      later: { right: 1, total: 1, accuracy: undefined },
      again: { right: 1, total: 1, accuracy: undefined },
    });
    expect(summary.transfer.confirmed.early).toEqual({ right: 2, total: 4, accuracy: undefined });
  });

  it('keeps a later pack later in a report on that pack alone', () => {
    const summary = summariseClass(classData([ada], packs), { packId: 'third' });
    expect(summary.learners[0]!.transfer.confirmed).toEqual({
      early: { right: 0, total: 0, accuracy: undefined },
      later: { right: 1, total: 1, accuracy: undefined },
      again: { right: 0, total: 0, accuracy: undefined },
    });
  });
});
