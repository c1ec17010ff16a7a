/**
 * A find answer's feedback in words: how many claims the learner found, each mark and what it is,
 * and the claims missed. Only counts of claims and marks, never shares of characters: "1 of your
 * 2 marks is not a denial: “Moscow has not confirmed the reports” is unconfirmed, not a denial."
 */
import { WRONG_MARKS, type FindDetail, type MarkOutcome } from '../../../shared/exercises/find';
import type { FindItem } from '../../../shared/pack/schema';
import { LABEL_PHRASES, type Label } from '../../../shared/pack/vocabulary';

export interface MarkLine {
  right: boolean;
  text: string;
}

export interface FindFeedbackText {
  /** "You found 1 of 2 denials." and, when some marks are wrong, how many. */
  summary: string;
  /** One line per mark, in article order. */
  marks: MarkLine[];
  /** The claims not found, quoted in full (they are also outlined in the article). */
  missed: string[];
}

export function findFeedback(item: FindItem, detail: FindDetail): FindFeedbackText {
  const asked = LABEL_PHRASES[item.label];
  const total = item.spans.length;
  const found = `You found ${detail.found.length} of ${total} ${total === 1 ? asked.one : asked.many}.`;
  const wrong = detail.marks.filter((mark) => WRONG_MARKS.includes(mark.verdict)).length;
  const count = detail.marks.length;
  const wrongMarks =
    wrong === 0
      ? ''
      : count === 1
        ? ` Your mark is not ${asked.a}.`
        : ` ${wrong} of your ${count} marks ${wrong === 1 ? `is not ${asked.a}` : `are not ${asked.many}`}.`;
  return {
    summary: found + wrongMarks,
    marks: detail.marks.map((mark) => ({ right: mark.verdict === 'right', text: markText(mark, item.label) })),
    missed: detail.missed.map((index) => `“${item.spans[index]?.quote ?? ''}”`),
  };
}

/** What one mark is, in a sentence. */
function markText(mark: MarkOutcome, label: Label): string {
  const asked = LABEL_PHRASES[label];
  const quote = quoted(mark.quote);
  switch (mark.verdict) {
    case 'right':
      return `${quote} is ${asked.is}.`;
    case 'other-label': {
      const claims = mark.claims ?? [];
      const [only] = claims;
      if (claims.length === 1 && only !== undefined && only.start <= mark.start && mark.end <= only.end) {
        const what = `${LABEL_PHRASES[only.label].is}, not ${asked.a}`;
        return only.start === mark.start && only.end === mark.end
          ? `${quote} is ${what}.`
          : `${quote} is part of ${quoted(only.quote)}, which is ${what}.`;
      }
      const takenIn = claims.map((claim) => `${quoted(claim.quote)}, which is ${LABEL_PHRASES[claim.label].is}`);
      return `${quote} takes in ${takenIn.join(', and ')}. Mark only the ${asked.many}.`;
    }
    case 'not-a-claim':
      return `${quote} is not a claim.`;
    case 'too-much':
      return `${quote} takes in much more than ${asked.a}: mark just the words of the claim.`;
    case 'too-little':
      return `${quote} is too little of the claim to count: mark the words that make it ${asked.a}.`;
  }
}

/** Quoted; a long stretch (a whole paragraph) by its first and last words. */
function quoted(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > 14 ? `“${words.slice(0, 6).join(' ')} … ${words.slice(-5).join(' ')}”` : `“${text.trim()}”`;
}
