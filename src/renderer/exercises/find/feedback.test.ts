import { describe, expect, it } from 'vitest';
import type { MarkedSpan } from '../../../shared/answers';
import type { FindDetail } from '../../../shared/exercises/find';
import type { FindItem } from '../../../shared/pack/schema';
import { validatePack } from '../../../shared/pack/validate';
import seedJson from '../../../../exercises/nk-troops-russia-2024.json';
import { scoreAnswer } from '../../../shared/scoring';
import { Highlighter } from '../../lib/highlights';
import { PlayerState } from '../../screens/player.svelte';
import { findFeedback } from './feedback';
import { highlightFind } from './highlight';

const result = validatePack(seedJson);
if (!result.ok) throw new Error(`seed pack is invalid: ${result.problems.join('; ')}`);
const seed = result.pack;
const paragraphs = seed.article.paragraphs;

function findItemOf(id: string): FindItem {
  const item = seed.items.find((candidate) => candidate.id === id);
  if (item?.type !== 'find') throw new Error(`the seed pack has no find item "${id}"`);
  return item;
}

function at(paragraph: number, quote: string): MarkedSpan {
  const start = paragraphs[paragraph]!.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in paragraph ${paragraph + 1}`);
  return { paragraph, start, end: start + quote.length };
}

function answered(item: FindItem, ...spans: MarkedSpan[]) {
  const answer = { type: 'find' as const, spans };
  const score = scoreAnswer(item, answer, seed);
  return { answer, score, detail: score.detail as FindDetail };
}

function highlightsOf(item: FindItem, shown: ReturnType<typeof answered>) {
  const on = new Highlighter(paragraphs);
  highlightFind(item, on, { studio: false, answered: { answer: shown.answer, score: shown.score }, finder: undefined });
  return on.list.map(({ paragraph, start, end, kind, tag }) => ({
    text: paragraphs[paragraph]!.slice(start, end),
    kind,
    ...(tag ? { tag } : {}),
  }));
}

const denials = findItemOf('find-denial-last-paragraph');
const DENIAL = 'North Korea denied that it sent military forces to Russia';
const MOSCOW = 'Moscow has not confirmed the reports';

describe('find feedback', () => {
  it('names the trap for what it is, in counts of claims and marks', () => {
    const text = findFeedback(denials, answered(denials, at(9, DENIAL), at(9, MOSCOW)).detail);
    expect(text).toEqual({
      summary: 'You found 1 of 1 denial. 1 of your 2 marks is not a denial.',
      marks: [
        { right: true, text: `“${DENIAL}” is a denial.` },
        { right: false, text: `“${MOSCOW}” is unconfirmed, not a denial.` },
      ],
      missed: [],
    });
    expect(JSON.stringify(text)).not.toMatch(/%|precision|recall/);
  });

  it('says what a whole-paragraph mark takes in', () => {
    const whole = { paragraph: 9, start: 0, end: paragraphs[9]!.length };
    expect(findFeedback(denials, answered(denials, whole).detail)).toEqual({
      summary: 'You found 1 of 1 denial. Your mark is not a denial.',
      marks: [
        {
          right: false,
          text: `“North Korea denied that it sent … has not confirmed the reports.” takes in “${MOSCOW}”, which is unconfirmed. Mark only the denials.`,
        },
      ],
      missed: [],
    });
  });

  it('lists the claims missed, and counts a right mark that finds one of two', () => {
    const confirmations = findItemOf('find-confirmations');
    const text = findFeedback(
      confirmations,
      answered(confirmations, at(3, 'provided the first confirmation from Washington')).detail,
    );
    expect(text).toEqual({
      summary: 'You found 1 of 2 confirmed claims.',
      marks: [{ right: true, text: '“provided the first confirmation from Washington” is confirmed.' }],
      missed: ['“allies have confirmed evidence of a DPRK troop deployment to Russia”'],
    });
  });

  it('says a mark on no claim is not a claim, and one inside a claim of another label is part of it', () => {
    const confirmations = findItemOf('find-confirmations');
    const text = findFeedback(
      confirmations,
      answered(confirmations, at(5, 'Meanwhile, NATO spokeswoman'), at(3, 'not yet clear')).detail,
    );
    expect(text.summary).toBe('You found 0 of 2 confirmed claims. 2 of your 2 marks are not confirmed claims.');
    expect(text.marks.map((line) => line.text)).toEqual([
      '“not yet clear” is part of “it was not yet clear why the troops were sent there”, which is unconfirmed, not a confirmed claim.',
      '“Meanwhile, NATO spokeswoman” is not a claim.',
    ]);
  });
});

describe('find highlights once answered', () => {
  it('tag each mark in the article: right, or what it is instead; and outline what was missed', () => {
    const shown = answered(denials, at(9, DENIAL), at(9, MOSCOW));
    expect(highlightsOf(denials, shown)).toEqual([
      { text: DENIAL, kind: 'mark', tag: '✓' },
      { text: MOSCOW, kind: 'mark-wrong', tag: '✗ Unconfirmed' },
      { text: DENIAL, kind: 'expected' },
      { text: 'denied', kind: 'cue' },
    ]);
    const whole = answered(denials, { paragraph: 9, start: 0, end: paragraphs[9]!.length });
    expect(highlightsOf(denials, whole).filter((highlight) => highlight.kind === 'mark-wrong')).toEqual([
      { text: MOSCOW, kind: 'mark-wrong', tag: '✗ Unconfirmed' },
      { text: paragraphs[9], kind: 'mark-wrong', tag: '✗' },
    ]);
    const missedAll = answered(denials, at(9, MOSCOW));
    expect(highlightsOf(denials, missedAll)).toContainEqual({ text: DENIAL, kind: 'missed', tag: 'missed' });
  });
});

describe('the player, on the trap', () => {
  it('shows the trap answer partly right, counts it missed, and tags the trap in the article', async () => {
    const player = PlayerState.preview({ ...seed, items: [denials, ...seed.items.filter((item) => item !== denials)] });
    await player.load();
    expect(player.item?.id).toBe(denials.id);
    expect(await player.submit({ type: 'find', spans: [at(9, DENIAL), at(9, MOSCOW)] })).toBe(true);
    expect(player.current?.score).toMatchObject({ correct: false, score: 0.5 });
    expect(player.summary).toMatchObject({ answered: 1, correct: 0, missed: [0] });
    const trap = player.highlights.find((highlight) => highlight.kind === 'mark-wrong');
    expect(trap).toMatchObject({ ...at(9, MOSCOW), tag: '✗ Unconfirmed' });
  });
});
