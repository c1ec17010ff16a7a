/**
 * Where a learner stands in a pack, from their attempts: the answers of the current round (the latest
 * to each item, scored again against the pack as it is now) and how often each item was answered
 * before, for the order its options are shown in. One function for the app's backend and the
 * one-file player, so both resume a pack alike.
 */
import type { PackSession } from './contract';
import type { Pack } from './pack/schema';
import type { Attempt } from './progress';
import { latestPerItem, scoreAnswer } from './scoring';

/** A pack's answers in one round; review answers do not count towards a round. */
export function inRound(attempts: readonly Attempt[], packId: string, round: number): Attempt[] {
  return attempts.filter((attempt) => attempt.packId === packId && attempt.round === round && attempt.mode !== 'review');
}

export function packSessionOf(pack: Pack, attempts: readonly Attempt[], round: number): PackSession {
  const latest = latestPerItem(inRound(attempts, pack.id, round));
  const answers: PackSession['answers'] = [];
  for (const item of pack.items) {
    const attempt = latest.get(item.id);
    if (!attempt || attempt.answer.type !== item.type) continue;
    try {
      answers.push({
        itemId: item.id,
        answer: attempt.answer,
        ...(attempt.shown ? { shown: attempt.shown } : {}),
        score: scoreAnswer(item, attempt.answer, pack),
        answeredAt: attempt.answeredAt,
      });
    } catch {
      // The pack changed under an old answer (a figure removed, say): that item simply counts as not yet answered.
    }
  }
  const answeredTimes: PackSession['answeredTimes'] = {};
  for (const attempt of attempts)
    if (attempt.packId === pack.id) answeredTimes[attempt.itemId] = (answeredTimes[attempt.itemId] ?? 0) + 1;
  return { round, answers, answeredTimes };
}
