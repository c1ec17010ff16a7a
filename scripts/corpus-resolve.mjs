#!/usr/bin/env node
/**
 * Resolves the two blind annotations (corpus/labels/a, corpus/labels/b) into gold labels
 * (corpus/labels/gold/<article>.json) by docs/labelling-guide.md.
 *
 *   node scripts/corpus-resolve.mjs            list the disagreements with the resolution each gets
 *   node scripts/corpus-resolve.mjs --write    write corpus/labels/gold/ and print the counts
 *
 * Where A and B agree on the label, A's unit is kept (A is the fuller of the two). Where they
 * differ, the systematic differences listed in corpus/AGREEMENT.md are resolved by the rules below;
 * the units read one by one are in READ (their note says why; a reading may give a label neither
 * annotator chose). Every other disagreement is resolved
 * by the guide's own order: "the first rule that fits decides", so the annotator who found an
 * earlier rule that fits wins.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const LABELS = join(ROOT, 'corpus/labels');
const SENTENCES = join(ROOT, 'corpus/sentences');

/** The guide's rule number for each label when the annotator gave none. */
const RULE_OF = { none: 1, denial: 2, opinion: 4, estimate: 5, unconfirmed: 6, confirmed: 7 };

// Rule 5's cues (the guide's list) plus the approximators both NOTES agree on.
const ESTIMATE_CUE =
  /\b(about|around|roughly|approximately|nearly|almost|some \d|over \d|at least|up to|more than|fewer than|less than|as many as|as much as|an estimated|estimated?|expected|expects?|planned|plans? to|projected|forecasts?|predicted|scheduled|likely|assessed|assessment|is set to|set to|intends? to|aims? to|target)\b/i;
const MODAL_GUESS = /\b(could|may|might)\b/i;
/** "up to 500 jobs could go", "there may be as many as 30": a hedged number given as approximate. */
const HEDGED_FIGURE =
  /\b(could|may|might)\b[^.;]{0,40}\b(up to|as many as|as much as|about|around|some|nearly|more than|at least) [\d$£€]|\b(up to|as many as|as much as|about|around|nearly|more than|at least) [\d$£€][^.;]{0,40}\b(could|may|might)\b/i;
const IF_WOULD = /\bif\b.*\b(would|will|could)\b|\bwould\b/i;
const OUTLET_QUOTE = /\b(told|according to|reported|quoted|in an interview with)\b/i;

/** Units read one by one: id -> [label, why]. */
const READ = {
  '2006-08-06-castro-recovering-following-surgery-cuban-officials#h': [
    'unconfirmed',
    "officials on the leader's health: not their own action, not a count, nobody says it is known (rule 8)",
  ],
  '2006-08-06-castro-recovering-following-surgery-cuban-officials#p1s1': [
    'unconfirmed',
    "officials on the leader's health: not their own action, not a count, nobody says it is known (rule 8)",
  ],
  '2014-07-19-malaysia-airlines-flight-17-shot-down-over-eastern-ukraine#p1s1': [
    'unconfirmed',
    'unnamed "US officials" on what another party did, without saying it is known (rule 8)',
  ],
  '2011-05-03-world-leaders-react-to-death-of-osama-bin-laden#p1s2': [
    'opinion',
    'two coordinate claims; "watershed moment" is a judgement and rule 4 comes before rule 5',
  ],
  // The 20 dev articles added in session 5.
  '2008-03-27-iraqi-forces-battle-militants-in-basra-for-second-day#p8s1': [
    'unconfirmed',
    'unnamed aides are never on the record, so rule 7 does not fit; nobody says it is known (rule 8)',
  ],
  '2008-03-27-iraqi-forces-battle-militants-in-basra-for-second-day#p10s1': [
    'opinion',
    '"was seen as instrumental" is a reading of what happened, not a checkable fact (rule 4)',
  ],
  '2009-06-14-civil-unrest-in-iranian-cities-after-ahmadinejad-declares-victory#p5s1': [
    'opinion',
    '"free and fair" is an evaluation; asserting it is no explicit rejection of a claim, so not rule 2 (rule 4)',
  ],
  '2008-07-28-five-of-six-accused-over-egyptian-ferry-fire-are-acquitted#p4s2': [
    'unconfirmed',
    'a report blaming other parties is an accusation against them, not a figure or forecast (rule 6)',
  ],
  '2008-07-28-five-of-six-accused-over-egyptian-ferry-fire-are-acquitted#p7s5': [
    'confirmed',
    'a named relative on the record about his own loss and the verdict the article reports (rule 7)',
  ],
  '2009-05-08-parents-prosecuted-after-homeopathic-treatment-leads-to-daughters-death#p3s1': [
    'unconfirmed',
    'the claim is what "is asserted by the Crown" against the parents: an accusation (rule 6)',
  ],
  '2011-04-25-renowned-indian-guru-sri-satya-sai-baba-dies-aged-84#p5s1': [
    'estimate',
    '"an estimated six million" is a rule 5 cue; neither annotator marked it',
    'an estimated six million',
  ],
  '2012-12-02-leaked-syrian-government-emails-indicate-weapons-supplied-to-hamas#p7s5': [
    'unconfirmed',
    'what a leaked email "allegedly written" by her says: its origin is not verified (rule 6)',
  ],
  // The second batch of 16 dev articles added in session 6 (corpus/seventh-batch.json).
  '2006-12-24-iran-dismisses-united-nations-resolution-imposing-sanctions#h': [
    'confirmed',
    'the headline alone: Iran dismisses a decision (its own act on the record), not a claim, and no judgement word (rule 7)',
  ],
  '2009-11-19-somali-pirates-attack-us-flagged-ship-vessel-evades-capture#p4s1': [
    'unconfirmed',
    '"who said he was a spokesman": the outlet does not vouch for who he is (rule 8)',
  ],
  '2009-11-19-somali-pirates-attack-us-flagged-ship-vessel-evades-capture#p4s3': [
    'unconfirmed',
    "the pirates' spokesman on what the ship did: another party's act, nobody says it is known (rule 8)",
  ],
  // The 16 dev articles added in session 6.
  '2008-03-15-tornado-hits-downtown-atlanta#p2s2': [
    'estimate',
    'an EF2 rating is the weather service judging the damage: an assessment (rule 5), as an INES level is',
  ],
  '2012-09-10-athletics-concludes-at-london-paralympics-with-the-marathon#p3s8': [
    'confirmed',
    'the runner on the record about what she herself wanted: no evaluation, no guess (rule 7)',
  ],
  '2012-09-10-athletics-concludes-at-london-paralympics-with-the-marathon#p4s2': [
    'unconfirmed',
    'her husband on how she felt: about someone else, no evaluation, nobody says it is known (rule 8)',
  ],
  '2017-01-13-putin-calls-us-troops-in-poland-a-threat#p8s2': [
    'unconfirmed',
    'the Polish probe blames Russian controllers: an accusation against another party (rule 6), not an estimate',
  ],
  '2017-01-13-putin-calls-us-troops-in-poland-a-threat#p8s3': [
    'unconfirmed',
    'Russian investigators blame the Polish pilots: an accusation against another party (rule 6), not an estimate',
  ],
  '2017-02-25-google-performs-first-successful-collision-attack-on-sha-1#p3s2': [
    'confirmed',
    'Google\'s own act on the record (it recommended), as "we urge" in the earlier gold (rule 7)',
  ],
  // The eighth batch: 16 dev articles added in session 7 (corpus/eighth-batch.json).
  '2011-06-22-un-report-says-80-per-cent-of-worlds-refugees-live-in-poor-countries#p7s1': [
    'opinion',
    'fears "vastly overblown" and "mistakenly conflated" judge the fears; no claim is rejected as false, so not rule 2 (rule 4)',
  ],
  '2018-02-09-john-perry-barlow-dies-aged-70#p8s1': [
    'confirmed',
    'who survives him is part of the news of a death, as in the Aretha Franklin obituary, not background (rule 7)',
  ],
  // The ninth batch: 16 dev articles added in session 7 (corpus/ninth-batch.json).
  '2009-12-30-airline-bombing-suspect-spent-months-in-yemen#p3s1': [
    'confirmed',
    'that he is charged is a fact the outlet states, as every other "charged with" in the gold; the act itself stays alleged (rule 7)',
  ],
  '2009-12-30-airline-bombing-suspect-spent-months-in-yemen#p4s1': [
    'confirmed',
    'a named group saying, in its own name, that the act was its own, as the Taliban claiming an attack in the gold (rule 7); the next sentence says nobody could verify it',
  ],
  // The tenth batch: 16 dev articles added in session 8 (corpus/tenth-batch.json).
  '2006-03-03-australia-will-not-export-uranium-to-india#p10s2': [
    'estimate',
    '"over AU$2.1 billion" gives the value as a lower bound, as "over 345" in the Hajj article (rule 5); the currency sign hid the cue from the pattern',
  ],
  '2012-04-30-french-journalists-claim-gaddafi-promised-sarkozy-campaign-50-million#p10s1': [
    'confirmed',
    'that an investigation is under way is a fact the outlet states; nothing in it is said to be unknown or withheld, so not rule 3 (rule 7)',
  ],
  // The eleventh batch: 16 dev articles added in session 9 (corpus/eleventh-batch.json).
  '2005-10-14-bush-has-a-rehearsed-tele-conference-with-us-troops-in-iraq#p1s2': [
    'unconfirmed',
    'unnamed Pentagon officials on what the soldiers did: not on the record, not a rejection in words (rule 2 needs an explicit one), nobody says it is known (rule 8)',
  ],
  '2005-10-14-bush-has-a-rehearsed-tele-conference-with-us-troops-in-iraq#p12s3': [
    'unconfirmed',
    'a spokesman saying the troops spoke their own thoughts answers the charge without rejecting it in words, so not rule 2; it is about what others did, and nobody says it is known (rule 8)',
  ],
  '2007-11-17-two-airliners-come-within-seconds-of-collision-over-indiana-us#p9s3': [
    'opinion',
    '"has no issues with staffing" answers the union without rejecting a claim in words (not rule 2); the coordinate "a worrying factor" is a judgement (rule 4)',
  ],
  '2008-01-05-2008-dakar-rally-cancelled-over-terrorist-threat#p4s1': [
    'confirmed',
    'the outlet states in its own voice what the group is doing; no judgement word (not rule 4) (rule 7)',
  ],
  '2008-01-05-2008-dakar-rally-cancelled-over-terrorist-threat#p9s7': [
    'opinion',
    '"does not endanger the future" is a judgement about what the cancellation means, not a rejection of a claim in words (rule 4)',
  ],
  '2013-08-16-ryanair-sack-sue-pilot-over-participation-in-safety-documentary#p3s4': [
    'confirmed',
    'the outlet states that Ryanair told pilots this; the "might" is the warning Ryanair gave, not a guess the article makes (rule 7)',
  ],
  '2014-12-20-istanbul-court-acquits-bomb-accused-pinar-selek-for-fourth-time#p4s2': [
    'denial',
    'the report says the bombing claim is false ("rejecting ... in favour of a gas leak"); whoever says a claim is false denies it, a report too (the guide\'s hard case; rule 2 before rule 7)',
  ],
  '2014-12-20-istanbul-court-acquits-bomb-accused-pinar-selek-for-fourth-time#p10s2': [
    'confirmed',
    'the court states its own finding on the record; no confirmation is withheld or said to be unknown (not rule 3) (rule 7)',
  ],
  '2014-12-20-istanbul-court-acquits-bomb-accused-pinar-selek-for-fourth-time#p10s3': [
    'estimate',
    'a wish to return is the future hoped for, as "the airline hopes to resume flights" in the guide (rule 5)',
  ],
  '2017-05-13-changing-position-president-trump-says-fbi-director-comey-was-fired-over-russia-investigation#p8s2': [
    'estimate',
    'a promise of what he will do is his own course given as intended, as a plan in the guide; "if any pressure" is a condition of the pledge, not "if ..., it would" reasoning (rule 5)',
  ],
  // The twelfth batch: 11 dev articles added in session 9 (corpus/twelfth-batch.json).
  '2009-03-17-madagascar-president-resigns-unclear-rule-in-antananarivo#p4s2': [
    'estimate',
    'two coordinate claims: the declared support is his own act, but "99% of the forces are behind" him is a share he judges, not a count (rule 5 before rule 7)',
  ],
  '2010-06-08-us-white-house-correspondent-helen-thomas-retires#p3s2': [
    'opinion',
    'no claim in the article says the comments reflect her belief, so nothing is rejected in words (not rule 2); her belief about peace is a judgement (rule 4)',
  ],
  '2013-09-25-2012-report-on-gender-equality-and-development-looks-at-womens-issues-in-india#p9s4': [
    'confirmed',
    'the report\'s finding as the outlet states it, like the next sentence; "about" here is "beliefs about", no approximator (rule 7)',
  ],
  '2017-09-09-fifteen-states-sue-president-trump-for-cancelling-program-for-undocumented-immigrant-minors#p3s4': [
    'unconfirmed',
    'a side in the lawsuit saying something checkable about others, with no cue and nobody saying it is known (rule 8)',
  ],
  '2017-09-09-fifteen-states-sue-president-trump-for-cancelling-program-for-undocumented-immigrant-minors#p5s1': [
    'confirmed',
    '"told the press" is a president speaking in public, not another outlet\'s report (not rule 6); his invitation is his own act on the record (rule 7)',
  ],
  // The fourteenth batch: 13 other-outlet articles, held out (corpus/fourteenth-batch.json).
  '2009-01-21-afghan-officials-coalition-forces-investigate-casualty-controversy#p2s2': [
    'unconfirmed',
    'the first statements said no civilians died before the other report was made: they reject nothing in words (only an explicit rejection is a denial, rule 2); they name nobody and nobody says it is known (rule 8)',
  ],
};

/**
 * The guide's kinds only: B's `media` (another outlet reporting in its own voice) is the guide's
 * `outlet`, named by that outlet.
 */
function load(dir, article) {
  const file = JSON.parse(readFileSync(join(LABELS, dir, `${article}.json`), 'utf8'));
  for (const unit of file.units) if (unit.sourceKind === 'media') unit.sourceKind = 'outlet';
  return file;
}

/** The resolution of one disagreement: [winner ('a' | 'b'), why]. */
function resolve(text, a, b) {
  const pair = [a.label, b.label].sort().join('/');
  const pick = (label, why) => [a.label === label ? 'a' : 'b', why];
  if (pair === 'confirmed/estimate') {
    return ESTIMATE_CUE.test(text)
      ? pick('estimate', 'rule 5 cue in the text (forecast, plan, schedule or approximator) comes before rule 7')
      : pick(
          'confirmed',
          'no rule 5 cue: a decided arrangement or a party on the record about its own course is stated as established (rule 7)',
        );
  }
  if (pair === 'estimate/opinion') {
    // Since the seventh session the guide's hard case: a number hedged with could/may/might is a figure
    // (rule 5), a hedged event a guess (rule 4).
    if (MODAL_GUESS.test(text) && HEDGED_FIGURE.test(text) && !IF_WOULD.test(text))
      return pick('estimate', 'a number hedged with "could/may/might" is a figure given as approximate (rule 5)');
    if (MODAL_GUESS.test(text) || IF_WOULD.test(text))
      return pick('opinion', '"could/may/might" is a guess, "would" conditional reasoning: rule 4 comes before rule 5');
    return pick('estimate', 'a forecast or assessment without a guess or judgement word (rule 5)');
  }
  if (pair === 'confirmed/none') {
    const confirmed = a.label === 'confirmed' ? a : b;
    if (confirmed.sourceKind && confirmed.sourceKind !== 'outlet')
      return pick('confirmed', 'attributed to a source: a claim someone makes, not background');
    return pick('none', 'background nobody would question (rule 1 comes first)');
  }
  if (
    pair === 'confirmed/unconfirmed' &&
    OUTLET_QUOTE.test(text) &&
    /\b(CNN|BBC|Reuters|AP|AFP|Times|Post|News|Press|agency|radio|television|newspaper)\b/.test(text)
  )
    return pick('unconfirmed', 'reaches the article through another outlet (rule 6)');
  const ruleA = a.rule ?? RULE_OF[a.label];
  const ruleB = b.rule ?? RULE_OF[b.label];
  if (ruleA === ruleB) return pick(a.label, 'same rule cited: A kept');
  return ruleA < ruleB
    ? ['a', `the first rule that fits decides: rule ${ruleA} (${a.label}) before rule ${ruleB} (${b.label})`]
    : ['b', `the first rule that fits decides: rule ${ruleB} (${b.label}) before rule ${ruleA} (${a.label})`];
}

const write = process.argv.includes('--write');
const split = JSON.parse(readFileSync(join(ROOT, 'corpus/split.json'), 'utf8'));
const splitOf = (article) =>
  split.test.includes(article) ? 'test' : split.otherOutlets.includes(article) ? 'other outlets' : 'dev';
const counts = {};
const articles = readdirSync(SENTENCES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
if (write) mkdirSync(join(LABELS, 'gold'), { recursive: true });
for (const article of articles) {
  const texts = new Map(JSON.parse(readFileSync(join(SENTENCES, `${article}.json`), 'utf8')).units.map((u) => [u.id, u.text]));
  const a = new Map(load('a', article).units.map((u) => [u.id, u]));
  const b = new Map(load('b', article).units.map((u) => [u.id, u]));
  const gold = [];
  for (const [id, text] of texts) {
    const ua = a.get(id);
    const ub = b.get(id);
    if (!ua || !ub) throw new Error(`${id}: not labelled by ${ua ? 'B' : 'A'}`);
    if (ua.label === ub.label) {
      gold.push(ua);
      continue;
    }
    let winner;
    let why;
    let chosen;
    if (READ[id]) {
      const [label, note, cue] = READ[id];
      why = `read: ${note}`;
      // Read as neither annotator had it: A's unit (source and chain) with the label the reading gives.
      if (ua.label !== label && ub.label !== label) chosen = { ...ua, label, rule: RULE_OF[label], cue: cue ?? ua.cue };
      else winner = ua.label === label ? 'a' : 'b';
    } else [winner, why] = resolve(text, ua, ub);
    chosen ??= winner === 'a' ? ua : ub;
    const key = `${splitOf(article)}: ${ua.label} (A) / ${ub.label} (B) -> ${chosen.label}`;
    counts[key] = (counts[key] ?? 0) + 1;
    gold.push({ ...chosen, resolution: `A ${ua.label}, B ${ub.label}: ${why}` });
    if (!write) console.log(`${id}\n  ${text}\n  A ${ua.label} / B ${ub.label} -> ${chosen.label}: ${why}`);
  }
  if (write)
    writeFileSync(
      join(LABELS, 'gold', `${article}.json`),
      `${JSON.stringify({ article, annotator: 'gold', units: gold }, null, 1)}\n`,
    );
}
for (const [key, n] of Object.entries(counts).sort()) console.log(`${n}\t${key}`);
