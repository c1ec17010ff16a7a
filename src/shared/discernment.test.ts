import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, LabelOutcome } from './answers';
import {
  calibration,
  CLEAR_LEAN,
  labelJudgements,
  leanOf,
  leanWords,
  MIN_SIDE_TRIALS,
  normalQuantile,
  readings,
  signalDetection,
  type Judgement,
  type LabelDiscernment,
  type Reading,
} from './discernment';
import { LABELS, type Label } from './pack/vocabulary';

type Judged = { answer: Answer; labels: LabelOutcome[]; correct: boolean };

/** `count` judgements of claims that were `truth`, called `given`. */
function times(count: number, truth: Label, given: Label): Judgement[] {
  return Array.from({ length: count }, () => ({ truth, given }));
}

function classify(truth: Label, given: Label, correct = given === truth, confidence?: 1 | 2 | 3): Judged {
  const answer: Answer =
    confidence === undefined ? { type: 'classify', label: given } : { type: 'classify', label: given, confidence };
  return { answer, labels: [{ label: truth, correct }], correct };
}

/**
 * An independent standard normal quantile for checking the z values written in the comments below:
 * bisection on a CDF built from the Taylor series of erf, erf(x) = 2/√π Σ (−1)ⁿ x²ⁿ⁺¹ / (n! (2n+1)),
 * which for |x| ≤ 3 converges to about 1e-12 in doubles. Shares no code with the module.
 */
function referenceQuantile(p: number): number {
  const erf = (x: number): number => {
    let term = x;
    let total = x;
    for (let n = 1; n < 200; n += 1) {
      term *= (-x * x) / n;
      total += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * total;
  };
  const cdf = (z: number): number => (1 + erf(z / Math.SQRT2)) / 2;
  let low = -4;
  let high = 4;
  for (let step = 0; step < 100; step += 1) {
    const mid = (low + high) / 2;
    if (cdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

// z values used in the hand computations below (standard normal table, 5 decimals).
const Z = {
  '0.75': 0.67449,
  '1.5/11': -1.0968,
  '5.5/6': 1.38299,
  '0.5/6': -1.38299,
  '6.5/7': 1.46523,
  '0.5/7': -1.46523,
  '0.5/21': -1.98076,
  '1.5/21': -1.46523,
  '6.5/16': -0.2372,
  '0.5/13': -1.76883,
  '5.5/8': 0.48878,
  '0.5/14': -1.80274,
  '0.975': 1.95996,
  '0.05': -1.64485,
};

describe('normalQuantile', () => {
  it('the table values above agree with an independent bisection', () => {
    for (const [fraction, z] of Object.entries(Z)) {
      const [top, bottom = '1'] = fraction.split('/');
      expect(referenceQuantile(Number(top) / Number(bottom))).toBeCloseTo(z, 4);
    }
  });

  it('matches the table and the bisection, including where a plain closed-form approximation is off', () => {
    // simple-statistics' probit alone gives 1.95716 and -1.64342 here; the Newton polish must fix that.
    expect(normalQuantile(0.975)).toBeCloseTo(Z['0.975'], 4);
    expect(normalQuantile(0.05)).toBeCloseTo(Z['0.05'], 4);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    for (const p of [0.0005, 0.003, 0.02, 0.1, 0.25, 0.4, 0.6, 0.77, 0.9, 0.99, 0.999]) {
      expect(normalQuantile(p)).toBeCloseTo(referenceQuantile(p), 6);
    }
  });
});

describe('signalDetection', () => {
  it('pins rates, d′ and c against hand-computed values', () => {
    // Estimates: 5 true, 4 called estimate (hits), 1 called confirmed (miss).
    // Others: 10 true confirmed, 1 called estimate (false alarm), 9 called confirmed.
    const stats = signalDetection([
      ...times(4, 'estimate', 'estimate'),
      ...times(1, 'estimate', 'confirmed'),
      ...times(1, 'confirmed', 'estimate'),
      ...times(9, 'confirmed', 'confirmed'),
    ]);
    const estimate = stats.estimate;
    expect([estimate.hits, estimate.misses, estimate.falseAlarms, estimate.correctRejections]).toEqual([4, 1, 1, 9]);
    // Raw rates: H = 4/5 = 0.8, F = 1/10 = 0.1.
    expect(estimate.hitRate).toBeCloseTo(0.8, 4);
    expect(estimate.falseAlarmRate).toBeCloseTo(0.1, 4);
    // H' = (4 + 0.5)/(5 + 1) = 0.75, F' = (1 + 0.5)/(10 + 1) = 0.136364
    // z(0.75) = 0.67449, z(0.136364) = -1.09680
    // d' = 0.67449 + 1.09680 = 1.77129; c = -(0.67449 - 1.09680)/2 = 0.21116
    expect(estimate.dPrime).toBeCloseTo(1.77129, 4);
    expect(estimate.criterion).toBeCloseTo(0.21116, 4);
    // Confirmed is the mirror image: hits 9 of 10, FA 1 of 5.
    // H' = 9.5/11 = 0.863636, F' = 1.5/6 = 0.25 → z = 1.09680 and -0.67449: d' = 1.77129, c = -(1.09680 - 0.67449)/2 = -0.21116
    expect(stats.confirmed.dPrime).toBeCloseTo(1.77129, 4);
    expect(stats.confirmed.criterion).toBeCloseTo(-0.21116, 4);
  });

  it('stays finite at perfect performance, thanks to the log-linear correction', () => {
    // 5 estimates all called estimate, 5 confirmed all called confirmed: H = 1, F = 0.
    const stats = signalDetection([...times(5, 'estimate', 'estimate'), ...times(5, 'confirmed', 'confirmed')]);
    expect(stats.estimate.hitRate).toBe(1);
    expect(stats.estimate.falseAlarmRate).toBe(0);
    // H' = 5.5/6 = 0.916667, F' = 0.5/6 = 0.083333; z = 1.38299 and -1.38299
    // d' = 2.76599; c = -(1.38299 - 1.38299)/2 = 0
    expect(stats.estimate.dPrime).toBeCloseTo(2.76599, 4);
    expect(stats.estimate.criterion).toBeCloseTo(0, 4);
  });

  it('gives d′ = 0 and c = 0 at chance', () => {
    // Estimates: 3 of 6 called estimate. Confirmed: 3 of 6 called estimate.
    const stats = signalDetection([
      ...times(3, 'estimate', 'estimate'),
      ...times(3, 'estimate', 'confirmed'),
      ...times(3, 'confirmed', 'estimate'),
      ...times(3, 'confirmed', 'confirmed'),
    ]);
    // H' = 3.5/7 = 0.5, F' = 3.5/7 = 0.5; z(0.5) = 0 for both.
    expect(stats.estimate.hitRate).toBeCloseTo(0.5, 4);
    expect(stats.estimate.falseAlarmRate).toBeCloseTo(0.5, 4);
    expect(stats.estimate.dPrime).toBeCloseTo(0, 4);
    expect(stats.estimate.criterion).toBeCloseTo(0, 4);
  });

  it('gives a negative d′ when every answer is wrong', () => {
    // 5 estimates all called confirmed; 6 confirmed all called estimate.
    const stats = signalDetection([...times(5, 'estimate', 'confirmed'), ...times(6, 'confirmed', 'estimate')]);
    // Estimate: H' = 0.5/6, F' = 6.5/7; z = -1.38299 and 1.46523
    // d' = -1.38299 - 1.46523 = -2.84822; c = -(-1.38299 + 1.46523)/2 = -0.04112
    expect(stats.estimate.hitRate).toBe(0);
    expect(stats.estimate.falseAlarmRate).toBe(1);
    expect(stats.estimate.dPrime).toBeCloseTo(-2.84822, 4);
    expect(stats.estimate.criterion).toBeCloseTo(-0.04112, 4);
    // Confirmed: H' = 0.5/7, F' = 5.5/6; z = -1.46523 and 1.38299
    // d' = -2.84822; c = -(-1.46523 + 1.38299)/2 = 0.04112
    expect(stats.confirmed.dPrime).toBeCloseTo(-2.84822, 4);
    expect(stats.confirmed.criterion).toBeCloseTo(0.04112, 4);
  });

  it(`gives d′ and c only with ${MIN_SIDE_TRIALS} claims of the label and ${MIN_SIDE_TRIALS} of others`, () => {
    const four = signalDetection([...times(4, 'estimate', 'estimate'), ...times(10, 'confirmed', 'confirmed')]);
    // Four estimates: the rates are there, d′ and c are not.
    expect(four.estimate).toMatchObject({
      hits: 4,
      hitRate: 1,
      precision: 1,
      enough: false,
      dPrime: undefined,
      criterion: undefined,
    });
    const five = signalDetection([...times(5, 'estimate', 'estimate'), ...times(4, 'confirmed', 'confirmed')]);
    // Five estimates but four others: still not enough, from either side.
    expect(five.estimate).toMatchObject({ enough: false, dPrime: undefined, criterion: undefined });
    expect(five.confirmed).toMatchObject({ enough: false, dPrime: undefined, criterion: undefined });
    const both = signalDetection([...times(5, 'estimate', 'estimate'), ...times(5, 'confirmed', 'confirmed')]);
    expect(both.estimate.enough).toBe(true);
    expect(both.estimate.dPrime).toBeCloseTo(2.76599, 4);
  });

  it('never gives a positive d′ to a label the learner never chose', () => {
    // 5 denials, 20 others; the learner never says denial. The correction alone would give
    // z(0.5/6) − z(0.5/21) = −1.38299 + 1.98076 = 0.59777.
    const never = signalDetection([...times(5, 'denial', 'opinion'), ...times(20, 'confirmed', 'confirmed')]);
    expect(never.denial).toMatchObject({ hits: 0, falseAlarms: 0, hitRate: 0, precision: undefined, dPrime: 0 });
    // It does lean away from denial, clearly: c = −(−1.38299 − 1.98076)/2 = 1.68188.
    expect(never.denial.criterion).toBeCloseTo(1.68188, 4);
    // No hit and one false alarm: H − F < 0, though the correction alone gives
    // z(0.5/6) − z(1.5/21) = −1.38299 + 1.46523 = 0.08224.
    const wrongOnce = signalDetection([
      ...times(5, 'denial', 'opinion'),
      ...times(1, 'confirmed', 'denial'),
      ...times(19, 'confirmed', 'confirmed'),
    ]);
    expect(wrongOnce.denial.dPrime).toBe(0);
    // Chosen for everything: no discernment either.
    expect(signalDetection([...times(5, 'denial', 'denial'), ...times(20, 'confirmed', 'denial')]).denial.dPrime).toBe(0);
  });

  it('gives both plain figures: how often the learner said it when it was, and how often it was when they said it', () => {
    // 7 confirmed claims and 6 others, all called confirmed: 7 of 7 said, but right 7 of 13 times when said.
    const stats = signalDetection([
      ...times(7, 'confirmed', 'confirmed'),
      ...times(3, 'estimate', 'confirmed'),
      ...times(3, 'denial', 'confirmed'),
    ]);
    expect(stats.confirmed.hitRate).toBe(1);
    expect(stats.confirmed.precision).toBeCloseTo(7 / 13, 6);
    // Never said: no "when you said it".
    expect(stats.estimate).toMatchObject({ hitRate: 0, precision: undefined });
  });

  it('leaves rates, d′ and c undefined where there is nothing to compare', () => {
    const stats = signalDetection([...times(3, 'estimate', 'estimate'), ...times(1, 'estimate', 'denial')]);
    // Denial was never the truth: no hit rate, no d′, no c; its false-alarm rate is 1 of 4.
    expect(stats.denial).toEqual<LabelDiscernment>({
      label: 'denial',
      hits: 0,
      misses: 0,
      falseAlarms: 1,
      correctRejections: 3,
      hitRate: undefined,
      precision: 0,
      falseAlarmRate: 0.25,
      enough: false,
      dPrime: undefined,
      criterion: undefined,
    });
    // Estimate was always the truth: no false-alarm rate, no d′, no c.
    expect(stats.estimate.hitRate).toBe(0.75);
    expect(stats.estimate.precision).toBe(1);
    expect(stats.estimate.falseAlarmRate).toBeUndefined();
    expect(stats.estimate.dPrime).toBeUndefined();
    expect(stats.estimate.criterion).toBeUndefined();
    // No judgements at all.
    expect(signalDetection([]).opinion).toMatchObject({ hitRate: undefined, falseAlarmRate: undefined, dPrime: undefined });
  });
});

describe('labelJudgements', () => {
  it('takes one judgement per classify attempt, and counts an accepted borderline answer as the true label', () => {
    const judgements = labelJudgements([
      classify('confirmed', 'confirmed'),
      classify('confirmed', 'unconfirmed'),
      // Opinion that also accepts unconfirmed: answering unconfirmed is right.
      classify('opinion', 'unconfirmed', true),
    ]);
    expect(judgements).toEqual([
      { truth: 'confirmed', given: 'confirmed' },
      { truth: 'confirmed', given: 'unconfirmed' },
      { truth: 'opinion', given: 'opinion' },
    ]);
    // So the accepted answer is no false alarm for 'unconfirmed'.
    expect(signalDetection(judgements).unconfirmed.falseAlarms).toBe(1);
  });

  it('takes one judgement per figure of a numbers attempt, with the same borderline rule per figure', () => {
    const judgements = labelJudgements([
      {
        answer: {
          type: 'numbers',
          figures: [
            { label: 'confirmed', source: 'The ministry' },
            { label: 'unconfirmed', source: 'Unions' },
            { label: 'opinion', source: 'Unions' },
          ],
        },
        labels: [
          { label: 'estimate', correct: false },
          { label: 'estimate', correct: true },
          { label: 'confirmed', correct: false },
        ],
        correct: false,
      },
    ]);
    expect(judgements).toEqual([
      { truth: 'estimate', given: 'confirmed' },
      { truth: 'estimate', given: 'estimate' },
      { truth: 'confirmed', given: 'opinion' },
    ]);
  });

  it('takes nothing from find, source and headline attempts', () => {
    expect(
      labelJudgements([
        { answer: { type: 'find', spans: [] }, labels: [{ label: 'opinion', correct: false }], correct: false },
        { answer: { type: 'source', optionId: 'ministry' }, labels: [], correct: true },
        { answer: { type: 'headline', verdict: 'overstated' }, labels: [], correct: true },
      ]),
    ).toEqual([]);
  });
});

describe('calibration', () => {
  it('counts right answers per confidence level and overall, ignoring unrated and other attempts', () => {
    const result = calibration([
      classify('confirmed', 'confirmed', true, 1),
      classify('confirmed', 'estimate', false, 1),
      classify('estimate', 'estimate', true, 3),
      classify('estimate', 'estimate', true, 3),
      classify('denial', 'denial', true, 3),
      classify('denial', 'opinion', false, 3),
      classify('opinion', 'opinion'),
      { answer: { type: 'headline', verdict: 'supported' }, correct: true },
    ]);
    expect(result.levels).toEqual([
      { level: 1, right: 1, total: 2, accuracy: 0.5 },
      { level: 2, right: 0, total: 0, accuracy: undefined },
      { level: 3, right: 3, total: 4, accuracy: 0.75 },
    ]);
    // Overall 4 of 6 = 0.66667.
    expect(result.overall.right).toBe(4);
    expect(result.overall.total).toBe(6);
    expect(result.overall.accuracy).toBeCloseTo(0.66667, 4);
    // Only level 3 has 4 answers, and 3 of 4 is sure enough: nothing to say yet.
    expect(result.reading).toBeUndefined();
  });

  function rated(level: 1 | 2 | 3, right: number, wrong: number) {
    return [
      ...Array.from({ length: right }, () => classify('confirmed', 'confirmed', true, level)),
      ...Array.from({ length: wrong }, () => classify('confirmed', 'opinion', false, level)),
    ];
  }

  it('reads over-confidence, under-confidence, good calibration and a mismatch', () => {
    expect(calibration(rated(3, 3, 3)).reading).toEqual({
      kind: 'overconfident',
      text: 'When you felt certain, you were right 3 of 6 times. Feeling sure is not proof: check who says so before you decide.',
    });
    expect(calibration(rated(1, 4, 1)).reading).toEqual({
      kind: 'underconfident',
      text: 'When you were guessing, you were right 4 of 5 times. You know more than you think.',
    });
    expect(calibration([...rated(1, 2, 2), ...rated(2, 3, 1), ...rated(3, 5, 0)]).reading?.kind).toBe('calibrated');
    // Equally right when fairly sure and when certain still counts as a good guide.
    expect(calibration([...rated(2, 4, 0), ...rated(3, 5, 0)]).reading?.kind).toBe('calibrated');
    expect(calibration([...rated(1, 2, 2), ...rated(2, 4, 0), ...rated(3, 4, 1)]).reading).toEqual({
      kind: 'mismatched',
      text: 'How sure you feel does not match how often you are right yet. Before you rate, ask yourself how the claim is known.',
    });
    expect(calibration([]).reading).toBeUndefined();
  });

  it('speaks about the learner in reports, without advice meant for them', () => {
    expect(calibration(rated(3, 3, 3), 'report').reading?.text).toBe('When they felt certain, they were right 3 of 6 times.');
    expect(calibration(rated(1, 4, 1), 'report').reading?.text).toBe(
      'When they were guessing, they were right 4 of 5 times. They know more than they think.',
    );
  });
});

describe('readings', () => {
  function read(judgements: Judgement[]) {
    return readings(signalDetection(judgements), judgements);
  }

  it('names frequent confusions with their counts, most frequent first', () => {
    const result = read([
      ...times(2, 'confirmed', 'confirmed'),
      ...times(3, 'confirmed', 'unconfirmed'),
      // 4 of 6 opinions called denials: reported first, though opinion comes later in label order.
      ...times(2, 'opinion', 'opinion'),
      ...times(4, 'opinion', 'denial'),
      // 1 of 2 estimates called confirmed: only once, not reported.
      ...times(1, 'estimate', 'estimate'),
      ...times(1, 'estimate', 'confirmed'),
      // 2 of 10 denials called opinions: twice, but only 20%, not reported.
      ...times(8, 'denial', 'denial'),
      ...times(2, 'denial', 'opinion'),
    ]).filter((reading) => reading.kind === 'confusion');
    expect(result).toEqual([
      { kind: 'confusion', label: 'opinion', given: 'denial', text: 'You often call opinions denials (4 of 6 times).' },
      {
        kind: 'confusion',
        label: 'confirmed',
        given: 'unconfirmed',
        text: 'You often call confirmed claims unconfirmed (3 of 5 times).',
      },
    ]);
  });

  it('flags a learner who calls everything unconfirmed', () => {
    // 12 claims, 3 truly unconfirmed, all answered 'unconfirmed'.
    const result = read([
      ...times(3, 'unconfirmed', 'unconfirmed'),
      ...times(5, 'confirmed', 'unconfirmed'),
      ...times(4, 'estimate', 'unconfirmed'),
    ]);
    expect(result[0]).toEqual({
      kind: 'sceptic',
      label: 'unconfirmed',
      text: 'You called 12 of 12 claims unconfirmed, but only 3 of them were. Doubting everything is not the same as reading carefully: look for who says they verified it.',
    });
    // Nothing else: the flag explains the confusions into 'unconfirmed' and the other labels' misses.
    expect(result).toHaveLength(1);
  });

  it('reads the same judgements in the third person for reports, every kind of reading', () => {
    const judgements = [
      ...times(3, 'unconfirmed', 'unconfirmed'),
      ...times(5, 'confirmed', 'unconfirmed'),
      ...times(4, 'estimate', 'unconfirmed'),
    ];
    expect(readings(signalDetection(judgements), judgements, 'report')[0]?.text).toBe(
      'They called 12 of 12 claims unconfirmed, but only 3 of them were.',
    );
    const mixed = [
      ...times(6, 'confirmed', 'confirmed'),
      ...times(4, 'estimate', 'confirmed'),
      ...times(6, 'denial', 'denial'),
      ...times(6, 'opinion', 'opinion'),
    ];
    const texts = readings(signalDetection(mixed), mixed, 'report').map((reading) => reading.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/\byou(r)?\b/i);
  });

  it('flags a lean short of everything, with the numbers', () => {
    // 9 of 12 called unconfirmed (3 truly), 3 confirmed answered right: 9 ≥ 0.6 × 12 and 3 ≤ 9 - 0.25 × 12.
    const result = read([
      ...times(3, 'unconfirmed', 'unconfirmed'),
      ...times(6, 'confirmed', 'unconfirmed'),
      ...times(3, 'confirmed', 'confirmed'),
    ]);
    expect(result.find((reading) => reading.kind === 'sceptic')?.text).toMatch(
      /^You called 9 of 12 claims unconfirmed, but only 3 of them were\. /,
    );
  });

  it('does not flag a learner who answers right where most claims really are unconfirmed', () => {
    const result = read([...times(8, 'unconfirmed', 'unconfirmed'), ...times(2, 'confirmed', 'confirmed')]);
    expect(result.filter((reading) => reading.kind === 'sceptic')).toEqual([]);
  });

  it('does not flag with too few judgements', () => {
    const result = read([...times(1, 'unconfirmed', 'unconfirmed'), ...times(6, 'confirmed', 'unconfirmed')]);
    expect(result.filter((reading) => reading.kind === 'sceptic')).toEqual([]);
  });

  it('gives the opinion lesson to a learner who calls everything opinion', () => {
    const result = read([
      ...times(2, 'opinion', 'opinion'),
      ...times(6, 'confirmed', 'opinion'),
      ...times(2, 'denial', 'opinion'),
    ]);
    expect(result[0]).toEqual({
      kind: 'sceptic',
      label: 'opinion',
      text: 'You called 10 of 10 claims opinions, but only 2 of them were. Not everything is just someone’s view: facts can be checked, so look for who checked them.',
    });
  });

  it('reads a liberal and a conservative criterion, and good discernment', () => {
    const result = read([
      ...times(5, 'unconfirmed', 'unconfirmed'),
      ...times(4, 'confirmed', 'confirmed'),
      ...times(4, 'confirmed', 'unconfirmed'),
      ...times(5, 'estimate', 'estimate'),
      ...times(2, 'estimate', 'unconfirmed'),
    ]);
    // 'unconfirmed' given 11 of 20 times: below 60%, so no sceptic flag.
    // Unconfirmed: H' = 5.5/6, F' = 6.5/16 → z = 1.38299, -0.23720; c = -(1.38299 - 0.23720)/2 = -0.57290 < -0.5
    // Confirmed:   H' = 4.5/9 = 0.5, F' = 0.5/13 → z = 0, -1.76883;  c = 0.88441 > 0.5
    // Estimate:    H' = 5.5/8, F' = 0.5/14 → z = 0.48878, -1.80274;  c = 0.65698 > 0.5, d' = 2.29152 ≥ 2
    const stats = signalDetection([
      ...times(5, 'unconfirmed', 'unconfirmed'),
      ...times(4, 'confirmed', 'confirmed'),
      ...times(4, 'confirmed', 'unconfirmed'),
      ...times(5, 'estimate', 'estimate'),
      ...times(2, 'estimate', 'unconfirmed'),
    ]);
    expect(stats.unconfirmed.criterion).toBeCloseTo(-0.5729, 4);
    expect(stats.confirmed.criterion).toBeCloseTo(0.88441, 4);
    expect(stats.estimate.criterion).toBeCloseTo(0.65698, 4);
    expect(stats.estimate.dPrime).toBeCloseTo(2.29152, 4);
    expect(result).toEqual([
      // 4 of 8 confirmed called unconfirmed; 2 of 7 estimates (29%) is below the 30% share.
      {
        kind: 'confusion',
        label: 'confirmed',
        given: 'unconfirmed',
        text: 'You often call confirmed claims unconfirmed (4 of 8 times).',
      },
      {
        kind: 'bias',
        label: 'confirmed',
        lean: 'away',
        text: 'You rarely choose “Confirmed”: when a claim was confirmed, you said so 4 of 8 times.',
      },
      {
        kind: 'bias',
        label: 'estimate',
        lean: 'away',
        text: 'You rarely choose “Estimate”: when a claim was an estimate, you said so 5 of 7 times.',
      },
      {
        kind: 'bias',
        label: 'unconfirmed',
        lean: 'towards',
        text: 'You choose “Unconfirmed” quite readily: you chose it for 6 of 15 claims that were not unconfirmed.',
      },
      // d′ = 2.29 for estimates, but the learner also holds 'estimate' back: no praise beside that.
    ]);
  });

  it('praises discernment only with enough trials of both kinds', () => {
    // 5 and 5, all right: d' = 2.76599 for both labels.
    expect(read([...times(5, 'estimate', 'estimate'), ...times(5, 'confirmed', 'confirmed')])).toEqual([
      { kind: 'discernment', label: 'confirmed', text: 'You tell confirmed claims apart from the rest well.' },
      { kind: 'discernment', label: 'estimate', text: 'You tell estimates apart from the rest well.' },
    ]);
    // 2 estimates, all right: H' = 2.5/3, F' = 0.5/9 → d' = 0.96742 + 1.59322 = 2.56064, but only 2 signal trials.
    const few = read([...times(2, 'estimate', 'estimate'), ...times(8, 'confirmed', 'confirmed')]);
    expect(few.some((reading) => reading.label === 'estimate')).toBe(false);
  });
});

/**
 * Whether two readings for one learner contradict each other: praise for a label next to any fault
 * found with it (a blanket flag, a lean, a confusion in which it is the truth or the answer given), or
 * two leans on one label in opposite directions (or a lean towards a label beside its blanket flag).
 */
function contradictions(found: readonly Reading[]): string[] {
  const problems: string[] = [];
  for (const label of LABELS) {
    const about = found.filter((reading) => reading.label === label || reading.given === label);
    const praised = about.some((reading) => reading.kind === 'discernment');
    const faults = about.filter((reading) => reading.kind !== 'discernment');
    if (praised && faults.length > 0) problems.push(`${label}: praised and faulted (${faults.map((f) => f.text).join(' / ')})`);
    const leans = new Set(about.filter((reading) => reading.kind === 'bias' && reading.label === label).map((r) => r.lean));
    if (leans.size > 1) problems.push(`${label}: leans both ways`);
    const blanket = about.some((reading) => reading.kind === 'sceptic' && reading.label === label);
    if (blanket && leans.has('away')) problems.push(`${label}: given to most claims, yet "rarely chosen"`);
    if (blanket && leans.has('towards')) problems.push(`${label}: the blanket flag said twice`);
  }
  return problems;
}

describe('readings for constructed learners', () => {
  // A class's worth of claims: 10 confirmed, 6 estimates, 5 denials, 6 unconfirmed, 5 opinions.
  const CLAIMS: Label[] = [
    ...Array<Label>(10).fill('confirmed'),
    ...Array<Label>(6).fill('estimate'),
    ...Array<Label>(5).fill('denial'),
    ...Array<Label>(6).fill('unconfirmed'),
    ...Array<Label>(5).fill('opinion'),
  ];

  function learner(answer: (truth: Label, index: number) => Label): Reading[] {
    const judgements = CLAIMS.map((truth, index) => ({ truth, given: answer(truth, index) }));
    const found = readings(signalDetection(judgements), judgements);
    expect(contradictions(found)).toEqual([]);
    return found;
  }

  it('one who calls everything confirmed is told so, and nothing else', () => {
    expect(learner(() => 'confirmed')).toEqual([
      {
        kind: 'sceptic',
        label: 'confirmed',
        text: 'You called 32 of 32 claims confirmed, but only 10 of them were. Believing everything is not the same as reading carefully: look for who checked it and how.',
      },
    ]);
  });

  it('a blanket doubter is told that doubting everything is not reading carefully', () => {
    expect(learner(() => 'unconfirmed')).toEqual([
      {
        kind: 'sceptic',
        label: 'unconfirmed',
        text: 'You called 32 of 32 claims unconfirmed, but only 6 of them were. Doubting everything is not the same as reading carefully: look for who says they verified it.',
      },
    ]);
  });

  it('a careful reader is praised for every label, a slip or two notwithstanding', () => {
    // Right every time but for one estimate called confirmed and one unconfirmed claim called opinion.
    const found = learner((truth, index) => (index === 10 ? 'confirmed' : index === 21 ? 'opinion' : truth));
    expect(found.map((reading) => `${reading.kind} ${reading.label}`)).toEqual([
      'discernment confirmed',
      'discernment estimate',
      'discernment denial',
      'discernment unconfirmed',
      'discernment opinion',
    ]);
  });

  it('a careful reader who holds one label back hears about that, not praise for it', () => {
    // Right every time but for three of the six estimates, called unconfirmed.
    const found = learner((truth, index) => (index >= 10 && index < 13 ? 'unconfirmed' : truth));
    expect(found.filter((reading) => reading.label === 'estimate' || reading.given === 'estimate')).toEqual([
      {
        kind: 'confusion',
        label: 'estimate',
        given: 'unconfirmed',
        text: 'You often call estimates unconfirmed (3 of 6 times).',
      },
      {
        kind: 'bias',
        label: 'estimate',
        lean: 'away',
        text: 'You rarely choose “Estimate”: when a claim was an estimate, you said so 3 of 6 times.',
      },
    ]);
    expect(found.some((reading) => reading.kind === 'discernment' && reading.label === 'estimate')).toBe(false);
  });

  it('a random clicker is praised for nothing and flagged for no blanket label', () => {
    const [seed] = fc.sample(fc.integer(), { seed: 13, numRuns: 1 });
    const picks = fc.sample(fc.constantFrom(...LABELS), { seed: seed!, numRuns: CLAIMS.length });
    const found = learner((_truth, index) => picks[index]!);
    expect(found.filter((reading) => reading.kind === 'discernment' || reading.kind === 'sceptic')).toEqual([]);
  });

  it('no learner at all gets readings that contradict each other', () => {
    const judgement = fc.record({ truth: fc.constantFrom(...LABELS), given: fc.constantFrom(...LABELS) });
    // Biased mixes too: a learner who leans on one label for part of the claims.
    const learners = fc.oneof(
      fc.array(judgement, { maxLength: 60 }),
      fc
        .tuple(
          fc.array(judgement, { maxLength: 40 }),
          fc.constantFrom(...LABELS),
          fc.array(fc.constantFrom(...LABELS), { maxLength: 30 }),
        )
        .map(([some, lean, truths]) => [...some, ...truths.map((truth) => ({ truth, given: lean }))]),
    );
    fc.assert(
      fc.property(learners, (judgements) => {
        expect(contradictions(readings(signalDetection(judgements), judgements))).toEqual([]);
      }),
      { seed: 17, numRuns: 1000 },
    );
  });
});

describe('leanOf and leanWords', () => {
  it('names a lean from c, with a slight and a clear band', () => {
    expect(leanOf(0)).toEqual({ direction: 'none', clear: false });
    expect(leanOf(0.19)).toEqual({ direction: 'none', clear: false });
    // The case: c = −0.46 is a lean towards saying the label, not "balanced".
    expect(leanOf(-0.46)).toEqual({ direction: 'towards', clear: false });
    expect(leanWords(-0.46, 'Estimate')).toBe('leans slightly towards saying “Estimate”');
    expect(leanOf(-CLEAR_LEAN)).toEqual({ direction: 'towards', clear: true });
    expect(leanWords(0.8, 'Denial')).toBe('leans away from saying “Denial”');
    expect(leanWords(0.1, 'Denial')).toBe('no clear lean');
  });
});
