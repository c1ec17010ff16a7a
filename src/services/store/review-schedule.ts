/**
 * Spaced review of missed and unsure items, scheduled by FSRS (ts-fsrs). An item enters review when
 * it is answered wrongly or right but "guessing"; from then on every answer to it, in a pack or in
 * review, is a review of its card, except a right answer before the card is due (see `cardAfter`).
 * Cards are stored as plain JSON (dates as ISO strings).
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { z } from 'zod';

// No fuzz: the same answers give the same schedule, which tests and learners can rely on. No
// short-term (minute) steps: these are claims to re-read in a later session, not flashcards to
// drill within one, so a missed item comes back after a day and then at growing intervals.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

export const StoredCard = z.object({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int().min(0).max(3),
  last_review: z.string().optional(),
});
export type StoredCard = z.infer<typeof StoredCard>;

export function reviewKey(packId: string, itemId: string): string {
  return `${packId}/${itemId}`;
}

/** How an answer grades recall: wrong is Again, a right guess is Hard, right and certain is Easy. */
function gradeFor(correct: boolean, confidence: number | undefined): Grade {
  if (!correct) return Rating.Again;
  if (confidence === 1) return Rating.Hard;
  if (confidence === 3) return Rating.Easy;
  return Rating.Good;
}

function entersReview(correct: boolean, confidence: number | undefined): boolean {
  return !correct || confidence === 1;
}

/**
 * The item's review card after an answer, or undefined when its schedule stays as it is.
 *
 * Practising early: a learner may answer an item in review before it is due. A right answer then
 * leaves the schedule unchanged: getting it right soon after seeing it says little about remembering
 * it weeks later (FSRS itself would barely raise the card's stability), and counting it would push
 * the item away without evidence, however often it is practised. A miss is evidence at any time: it
 * counts as a lapse and the item comes back the next day, as any miss does.
 */
export function cardAfter(
  card: StoredCard | undefined,
  correct: boolean,
  confidence: number | undefined,
  now: Date,
): StoredCard | undefined {
  if (!card) return entersReview(correct, confidence) ? scheduleNext(undefined, gradeFor(correct, confidence), now) : undefined;
  if (correct && Date.parse(card.due) > now.getTime()) return undefined;
  return scheduleNext(card, gradeFor(correct, confidence), now);
}

function scheduleNext(card: StoredCard | undefined, grade: Grade, now: Date): StoredCard {
  const current: Card = card ? toCard(card) : createEmptyCard(now);
  return fromCard(scheduler.next(current, now, grade).card);
}

function toCard(card: StoredCard): Card {
  const { last_review, due, state, ...rest } = card;
  return { ...rest, state, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}
