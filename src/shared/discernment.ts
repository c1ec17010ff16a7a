/**
 * Discernment: does a learner tell each label apart from the others, and which way do they lean?
 * Accuracy alone rewards a learner who doubts everything whenever most claims happen to be doubtful,
 * so per label we report signal-detection measures (d' for discernment, c for bias), calibration of
 * confidence ratings, and plain-language readings of both (see PRODUCT.md, "Scoring that teaches the
 * right thing"). Pure functions over attempt records.
 */
import { errorFunction, probit } from 'simple-statistics';
import { LABELS, type Label } from './pack/vocabulary';
import type { Attempt } from './progress';

/** One label decision: what the claim really was and what the learner called it. */
export interface Judgement {
  truth: Label;
  given: Label;
}

/** Signal-detection measures for one label, taken as "this label" (signal) versus "any other" (noise). */
export interface LabelDiscernment {
  label: Label;
  /** Truly this label, called this label. */
  hits: number;
  /** Truly this label, called something else. */
  misses: number;
  /** Truly another label, called this label. */
  falseAlarms: number;
  /** Truly another label, called something else. */
  correctRejections: number;
  /**
   * "When a claim was this label, how often you said so": hits / (hits + misses), uncorrected; undefined
   * when the label was never the truth. (Hit rate, or recall.)
   */
  hitRate: number | undefined;
  /**
   * "When you said this label, how often it was": hits / (hits + false alarms); undefined when the
   * learner never chose the label. (Precision.) With `hitRate` it makes "Confirmed 7 of 7" from a
   * learner who called everything confirmed show as what it is.
   */
  precision: number | undefined;
  /** falseAlarms / (falseAlarms + correctRejections), uncorrected; undefined when the label was always the truth. */
  falseAlarmRate: number | undefined;
  /**
   * Whether there are at least `MIN_SIDE_TRIALS` signal trials and as many noise trials: only then are
   * d′ and c given.
   */
  enough: boolean;
  /** Sensitivity d' = z(H') − z(F'): 0 is chance, higher tells the label apart better. Undefined unless `enough`. */
  dPrime: number | undefined;
  /** Criterion c = −(z(H') + z(F')) / 2: negative says the label readily, positive holds it back. Undefined unless `enough`. */
  criterion: number | undefined;
}

/** A plain-language sentence about a learner's judgements: to the learner, or about them in reports (`Voice`). */
export interface Reading {
  kind: 'confusion' | 'bias' | 'sceptic' | 'discernment';
  /** The label the reading is about (for a confusion, the label the claims really had). */
  label: Label;
  /** For a confusion, the label the learner gave them instead. */
  given?: Label;
  /** For a bias, which way the learner leans on `label`. */
  lean?: 'towards' | 'away';
  text: string;
}

/** Right answers at one confidence level (1 guessing, 2 fairly sure, 3 certain). */
export interface CalibrationLevel {
  level: 1 | 2 | 3;
  right: number;
  total: number;
  accuracy: number | undefined;
}

export interface CalibrationReading {
  kind: 'overconfident' | 'underconfident' | 'calibrated' | 'mismatched';
  text: string;
}

export interface Calibration {
  /** Always three entries, for levels 1, 2 and 3. */
  levels: CalibrationLevel[];
  /** All rated answers together. */
  overall: { right: number; total: number; accuracy: number | undefined };
  /** Undefined until there is enough data to say anything. */
  reading: CalibrationReading | undefined;
}

// Thresholds. They are deliberately modest: a reading is shown to a learner, so it should rest on a
// pattern that repeats, not on one slip, yet appear within one or two packs.

/**
 * d′ and c are given for a label only with at least this many claims that were the label (signal
 * trials) and at least this many that were not (noise trials). With fewer, one answer moves d′ by a
 * whole unit and the figure says more about the correction than about the learner; the screen, the
 * class report and its exports say "not enough answers yet" instead, with the counts.
 */
export const MIN_SIDE_TRIALS = 5;
/** A confusion is read when it happened at least this often... */
export const CONFUSION_MIN_COUNT = 2;
/** ...and in at least this share of the claims that truly had the label (once in ten is noise). */
export const CONFUSION_MIN_SHARE = 0.3;
/**
 * How a criterion c is named. |c| below `SLIGHT_LEAN` is no clear lean; from it, a slight lean; from
 * `CLEAR_LEAN` (half a standard deviation off the neutral point), a clear one. Only a clear lean
 * becomes a reading for the learner; the teacher's table names slight ones too, so c = −0.46 reads as
 * "leans slightly towards saying it", never "balanced".
 */
export const SLIGHT_LEAN = 0.2;
export const CLEAR_LEAN = 0.5;
/** d' of 2 or more is good discernment (about 84% hits with 16% false alarms). */
export const GOOD_DPRIME = 2;
/** The blanket-sceptic flag needs at least this many judgements in all... */
export const SCEPTIC_MIN_JUDGEMENTS = 8;
/** ...the learner giving one label to at least this share of them... */
export const SCEPTIC_MIN_SHARE = 0.6;
/** ...while the share of claims truly having it is lower by at least this much (a quarter of all claims). */
export const SCEPTIC_MARGIN = 0.25;
/** A confidence level is read once it has this many answers. */
export const CALIBRATION_MIN_TRIALS = 4;
/** "Certain" answers should be right at least this often; "guessing" ones right this often is not a guess. */
export const CALIBRATION_SURE_ACCURACY = 0.75;

/**
 * The label decisions in some attempts: a classify attempt gives one, a numbers attempt one per figure;
 * find, source and headline attempts give none (find is scored by overlap, the others judge no label).
 * An answer accepted as right although it differs from the main label (a borderline claim that also
 * accepts another label) counts as the main label, so accepting it is never a false alarm.
 */
export function labelJudgements(attempts: readonly Pick<Attempt, 'answer' | 'labels' | 'correct'>[]): Judgement[] {
  const judgements: Judgement[] = [];
  for (const { answer, labels, correct } of attempts) {
    if (answer.type === 'classify') {
      const truth = labels[0]?.label;
      if (truth !== undefined) judgements.push({ truth, given: correct ? truth : answer.label });
    } else if (answer.type === 'numbers') {
      answer.figures.forEach((figure, index) => {
        const outcome = labels[index];
        if (outcome !== undefined)
          judgements.push({ truth: outcome.label, given: outcome.correct ? outcome.label : figure.label });
      });
    }
  }
  return judgements;
}

/**
 * d' and c for every label, one label versus the rest.
 *
 * Rates of 0 or 1 make z infinite, and they are common with a handful of items. We use the log-linear
 * correction of Hautus (1995), H' = (hits + 0.5) / (signal trials + 1) and F' = (false alarms + 0.5) /
 * (noise trials + 1), applied to every cell rather than only to extreme ones: it is defined at 0 and 1,
 * biases d' less than the 1/(2N) rule, and treats every learner alike.
 *
 * The correction pulls each rate towards ½ by an amount that depends on its number of trials, so with
 * unequal counts it can give a learner who never chose a label (H = F = 0) a positive d′, as if they
 * told it apart. d′ therefore never takes a sign the raw rates do not have: where z(H') − z(F') and
 * H − F disagree in sign, or H = F, d′ is 0.
 *
 * d' and c stay undefined unless the label has `MIN_SIDE_TRIALS` signal and noise trials.
 */
export function signalDetection(judgements: readonly Judgement[]): Record<Label, LabelDiscernment> {
  const entries = LABELS.map((label) => {
    let hits = 0;
    let misses = 0;
    let falseAlarms = 0;
    let correctRejections = 0;
    for (const { truth, given } of judgements) {
      if (truth === label) {
        if (given === label) hits += 1;
        else misses += 1;
      } else if (given === label) falseAlarms += 1;
      else correctRejections += 1;
    }
    const signal = hits + misses;
    const noise = falseAlarms + correctRejections;
    const enough = signal >= MIN_SIDE_TRIALS && noise >= MIN_SIDE_TRIALS;
    const zHit = normalQuantile((hits + 0.5) / (signal + 1));
    const zFalseAlarm = normalQuantile((falseAlarms + 0.5) / (noise + 1));
    const rawDifference = hits / signal - falseAlarms / noise;
    const corrected = zHit - zFalseAlarm;
    const discernment: LabelDiscernment = {
      label,
      hits,
      misses,
      falseAlarms,
      correctRejections,
      hitRate: share(hits, signal),
      precision: share(hits, hits + falseAlarms),
      falseAlarmRate: share(falseAlarms, noise),
      enough,
      dPrime: enough ? (Math.sign(corrected) === Math.sign(rawDifference) ? corrected : 0) : undefined,
      criterion: enough ? -(zHit + zFalseAlarm) / 2 : undefined,
    };
    return [label, discernment] as const;
  });
  return Object.fromEntries(entries) as Record<Label, LabelDiscernment>;
}

/** Which way a criterion c leans, and how far (see `SLIGHT_LEAN` and `CLEAR_LEAN`). */
export interface Lean {
  /** Towards saying the label (c < 0), away from it (c > 0), or neither. */
  direction: 'towards' | 'away' | 'none';
  clear: boolean;
}

export function leanOf(criterion: number): Lean {
  const size = Math.abs(criterion);
  if (size < SLIGHT_LEAN) return { direction: 'none', clear: false };
  return { direction: criterion < 0 ? 'towards' : 'away', clear: size >= CLEAR_LEAN };
}

/** The lean in words for a teacher's table: "leans slightly towards saying “Estimate”", "no clear lean". */
export function leanWords(criterion: number, labelName: string): string {
  const { direction, clear } = leanOf(criterion);
  if (direction === 'none') return 'no clear lean';
  return `leans ${clear ? '' : 'slightly '}${direction === 'towards' ? 'towards' : 'away from'} saying “${labelName}”`;
}

/**
 * The inverse of the standard normal CDF, for 0 < p < 1. simple-statistics' `probit` is a closed-form
 * approximation that is off by up to about 3e-3 (it gives 1.95716 for z(0.975) = 1.95996), enough to
 * move d' in the third decimal. Two Newton steps against its `errorFunction` (relative error below
 * 1.2e-7) bring it to within about 1e-7.
 */
export function normalQuantile(p: number): number {
  let z = probit(p);
  for (let step = 0; step < 2; step += 1) {
    const cdf = (1 + errorFunction(z / Math.SQRT2)) / 2;
    const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    z -= (cdf - p) / density;
  }
  return z;
}

/** How confidence ratings on classify items match being right, per level and overall. */
export function calibration(attempts: readonly Pick<Attempt, 'answer' | 'correct'>[], voice: Voice = 'learner'): Calibration {
  const levels = ([1, 2, 3] as const).map((level) => {
    const rated = attempts.filter((attempt) => attempt.answer.type === 'classify' && attempt.answer.confidence === level);
    const right = rated.filter((attempt) => attempt.correct).length;
    return { level, right, total: rated.length, accuracy: share(right, rated.length) };
  });
  const right = levels.reduce((total, level) => total + level.right, 0);
  const total = levels.reduce((sum, level) => sum + level.total, 0);
  return { levels, overall: { right, total, accuracy: share(right, total) }, reading: calibrationReading(levels, voice) };
}

function calibrationReading(levels: readonly CalibrationLevel[], voice: Voice): CalibrationReading | undefined {
  const { You, you, your } = PERSON[voice];
  const learner = voice === 'learner';
  const read = levels.filter((level) => level.total >= CALIBRATION_MIN_TRIALS);
  const certain = read.find((level) => level.level === 3);
  if (certain !== undefined && (certain.accuracy ?? 0) < CALIBRATION_SURE_ACCURACY) {
    return {
      kind: 'overconfident',
      text: `When ${you} felt certain, ${you} were right ${certain.right} of ${certain.total} times.${learner ? ' Feeling sure is not proof: check who says so before you decide.' : ''}`,
    };
  }
  const guessing = read.find((level) => level.level === 1);
  if (guessing !== undefined && (guessing.accuracy ?? 0) >= CALIBRATION_SURE_ACCURACY) {
    return {
      kind: 'underconfident',
      text: `When ${you} were guessing, ${you} were right ${guessing.right} of ${guessing.total} times. ${You} know more than ${you} think.`,
    };
  }
  if (read.length < 2) return undefined;
  const rising = read.every((level, index) => index === 0 || (level.accuracy ?? 0) >= (read[index - 1]?.accuracy ?? 0));
  return rising
    ? { kind: 'calibrated', text: `The surer ${you} felt, the more often ${you} were right: ${your} confidence is a good guide.` }
    : {
        kind: 'mismatched',
        text: `How sure ${you} feel does not match how often ${you} are right yet.${learner ? ' Before you rate, ask yourself how the claim is known.' : ''}`,
      };
}

/**
 * Who a reading speaks to: the learner on their own screens ("You called ..."), or the instructor
 * about a learner in reports ("They called ..."), with no advice addressed to the learner.
 */
export type Voice = 'learner' | 'report';

const PERSON: Record<Voice, { You: string; you: string; your: string }> = {
  learner: { You: 'You', you: 'you', your: 'your' },
  report: { You: 'They', you: 'they', your: 'their' },
};

/** How each label reads in a sentence. */
const WORDS: Record<Label, { name: string; claims: string; called: string; a: string; lesson: string }> = {
  confirmed: {
    name: 'Confirmed',
    claims: 'confirmed claims',
    called: 'confirmed',
    a: 'confirmed',
    lesson: 'Believing everything is not the same as reading carefully: look for who checked it and how.',
  },
  estimate: {
    name: 'Estimate',
    claims: 'estimates',
    called: 'estimates',
    a: 'an estimate',
    lesson: 'Not every number is a guess: look for who counted it and how.',
  },
  denial: {
    name: 'Denial',
    claims: 'denials',
    called: 'denials',
    a: 'a denial',
    lesson: 'Not every answer is a denial: look for who says something is not true.',
  },
  unconfirmed: {
    name: 'Unconfirmed',
    claims: 'unconfirmed claims',
    called: 'unconfirmed',
    a: 'unconfirmed',
    lesson: 'Doubting everything is not the same as reading carefully: look for who says they verified it.',
  },
  opinion: {
    name: 'Opinion',
    claims: 'opinions',
    called: 'opinions',
    a: 'an opinion',
    lesson: 'Not everything is just someone’s view: facts can be checked, so look for who checked them.',
  },
};

/**
 * Plain-language readings of a learner's judgements, most important first: a blanket lean on one
 * label (the sceptic flag), frequent confusions, clear leans, then labels the learner tells apart well.
 * `stats` is `signalDetection(judgements)`.
 *
 * The readings never contradict each other:
 * - a label is praised ("you tell X apart well") only when no other reading finds fault with it: no
 *   blanket flag, lean or confusion in which it is the true label or the label given;
 * - a lean is read only from a defined c (enough answers on both sides), only when it is clear, and
 *   only when the counts agree (at least `CONFUSION_MIN_COUNT` more misses than false alarms for
 *   "you rarely choose", the other way round for "you choose it readily"), so the learner never hears
 *   "you rarely choose X" about a label they chose for most claims that were X;
 * - what a blanket label explains is not said again: no lean towards it, no confusion into it, and no
 *   "you rarely choose" for the other labels, which it crowds out.
 */
export function readings(
  stats: Record<Label, LabelDiscernment>,
  judgements: readonly Judgement[],
  voice: Voice = 'learner',
): Reading[] {
  const { You, you } = PERSON[voice];
  const all = judgements.length;
  const sceptic: Reading[] = [];
  for (const label of LABELS) {
    const { hits, misses, falseAlarms } = stats[label];
    const given = hits + falseAlarms;
    const truly = hits + misses;
    if (all >= SCEPTIC_MIN_JUDGEMENTS && given >= SCEPTIC_MIN_SHARE * all && truly <= given - SCEPTIC_MARGIN * all) {
      const were = truly === 0 ? 'none of them were' : `only ${truly} of them ${truly === 1 ? 'was' : 'were'}`;
      sceptic.push({
        kind: 'sceptic',
        label,
        text: `${You} called ${given} of ${all} claims ${WORDS[label].called}, but ${were}.${voice === 'learner' ? ` ${WORDS[label].lesson}` : ''}`,
      });
    }
  }
  const blanket = new Set(sceptic.map((reading) => reading.label));

  const confused = confusions(stats, judgements, voice).filter((reading) => !blanket.has(reading.given!));
  const bias: Reading[] = [];
  for (const label of LABELS) {
    const { hits, misses, falseAlarms, correctRejections, criterion } = stats[label];
    if (criterion === undefined || blanket.has(label)) continue;
    const { direction, clear } = leanOf(criterion);
    // With few claims of a label and many of others, the correction alone moves c: a careful reader
    // who missed one estimate of six gets c = 0.63. A lean is read only when the counts show it too.
    if (!clear || Math.abs(falseAlarms - misses) < CONFUSION_MIN_COUNT) continue;
    const { name, called, a } = WORDS[label];
    if (direction === 'towards' && falseAlarms > misses)
      bias.push({
        kind: 'bias',
        label,
        lean: 'towards',
        text: `${You} choose “${name}” quite readily: ${you} chose it for ${falseAlarms} of ${falseAlarms + correctRejections} claims that were not ${called}.`,
      });
    else if (direction === 'away' && misses > falseAlarms && blanket.size === 0)
      bias.push({
        kind: 'bias',
        label,
        lean: 'away',
        text: `${You} rarely choose “${name}”: when a claim was ${a}, ${you} said so ${hits} of ${hits + misses} times.`,
      });
  }

  const faulted = new Set<Label>([...blanket, ...bias.map((reading) => reading.label)]);
  for (const reading of confused) faulted.add(reading.label).add(reading.given!);
  const discernment: Reading[] = LABELS.filter((label) => {
    const { dPrime } = stats[label];
    return dPrime !== undefined && dPrime >= GOOD_DPRIME && !faulted.has(label);
  }).map((label) => ({ kind: 'discernment', label, text: `${You} tell ${WORDS[label].claims} apart from the rest well.` }));

  return [...sceptic, ...confused, ...bias, ...discernment];
}

function confusions(stats: Record<Label, LabelDiscernment>, judgements: readonly Judgement[], voice: Voice): Reading[] {
  const found: { truth: Label; given: Label; count: number; of: number }[] = [];
  for (const truth of LABELS) {
    const of = stats[truth].hits + stats[truth].misses;
    for (const given of LABELS) {
      if (given === truth) continue;
      const count = judgements.filter((judgement) => judgement.truth === truth && judgement.given === given).length;
      if (count >= CONFUSION_MIN_COUNT && count >= CONFUSION_MIN_SHARE * of) found.push({ truth, given, count, of });
    }
  }
  // Stable sort: equal counts keep label order, so the readings do not shuffle between renders.
  return found
    .sort((a, b) => b.count - a.count)
    .map(({ truth, given, count, of }) => ({
      kind: 'confusion',
      label: truth,
      given,
      text: `${PERSON[voice].You} often call ${WORDS[truth].claims} ${WORDS[given].called} (${count} of ${of} times).`,
    }));
}

function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}
