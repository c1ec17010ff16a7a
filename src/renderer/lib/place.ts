/**
 * Where the person is in the app, written in the URL's fragment so that Reload, Back and Forward keep
 * it: the learner, the screen and, in a pack or a review, the exercise (counted from 1, as on screen).
 *
 *   #/learners   #/class   #/studio
 *   #/<learnerId>/library   #/<learnerId>/progress   #/<learnerId>/review
 *   #/<learnerId>/pack/<packId>/<exercise>
 *   #/<learnerId>/review/<exercise>/<packId>:<itemId>,<packId>:<itemId>,...
 *
 * A review lists its exercises in the order played, each with its pack, so that a reload plays the
 * same mix. (A review of one pack was once written `review/<packId>/<exercise>/<itemId>,...`; such a
 * link still opens.) A fragment is typed by anyone: anything that does not parse is no place, and
 * the app starts at the learners screen; a review link that does not parse opens the learner's Review
 * screen, saying so. Ids are checked against their forms here and against the backend when used.
 */
import type { ReviewPick } from '../../shared/review-mix';

export type Place =
  | { screen: 'learners' | 'class' | 'studio' }
  | { screen: 'library' | 'progress'; learnerId: string }
  /** `brokenLink`: the URL named a review that could not be read (not written back to the URL). */
  | { screen: 'review'; learnerId: string; brokenLink?: true }
  | { screen: 'pack'; learnerId: string; packId: string; exercise: number }
  | { screen: 'review-session'; learnerId: string; exercise: number; queue: ReviewPick[] };

/** The most exercises a review link may list. */
const MAX_REVIEW = 500;

const ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const LEARNER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXERCISE = /^[1-9]\d{0,3}$/;

export function placeToHash(place: Place): string {
  switch (place.screen) {
    case 'learners':
    case 'class':
    case 'studio':
      return `#/${place.screen}`;
    case 'library':
    case 'progress':
    case 'review':
      return `#/${place.learnerId}/${place.screen}`;
    case 'pack':
      return `#/${place.learnerId}/pack/${place.packId}/${place.exercise}`;
    case 'review-session':
      return `#/${place.learnerId}/review/${place.exercise}/${place.queue.map((pick) => `${pick.packId}:${pick.itemId}`).join(',')}`;
  }
}

export function placeFromHash(hash: string): Place | undefined {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [first, screen, packId, exercise] = parts;
  if (parts.length === 1 && (first === 'learners' || first === 'class' || first === 'studio')) return { screen: first };
  if (!first || !LEARNER_ID.test(first)) return undefined;
  const learnerId = first;
  if (parts.length === 2 && (screen === 'library' || screen === 'progress' || screen === 'review')) return { screen, learnerId };
  if (screen === 'review') return reviewSession(learnerId, parts.slice(2)) ?? { screen: 'review', learnerId, brokenLink: true };
  if (!packId || !ID.test(packId) || !exercise || !EXERCISE.test(exercise)) return undefined;
  if (parts.length === 4 && screen === 'pack') return { screen: 'pack', learnerId, packId, exercise: Number(exercise) };
  return undefined;
}

/** A review from the parts after `review/`: `<exercise>/<pack>:<item>,...`, or the older `<pack>/<exercise>/<item>,...`. */
function reviewSession(learnerId: string, parts: string[]): Place | undefined {
  let exercise: string | undefined;
  let queue: ReviewPick[];
  if (parts.length === 2) {
    exercise = parts[0];
    queue = (parts[1] ?? '').split(',').map((pick) => {
      const [packId = '', itemId = '', ...rest] = pick.split(':');
      return rest.length === 0 ? { packId, itemId } : { packId: '', itemId: '' };
    });
  } else if (parts.length === 3) {
    const packId = parts[0] ?? '';
    exercise = parts[1];
    queue = (parts[2] ?? '').split(',').map((itemId) => ({ packId, itemId }));
  } else {
    return undefined;
  }
  if (!exercise || !EXERCISE.test(exercise) || queue.length > MAX_REVIEW) return undefined;
  if (!queue.every((pick) => ID.test(pick.packId) && ID.test(pick.itemId))) return undefined;
  return { screen: 'review-session', learnerId, exercise: Number(exercise), queue };
}

/** The screen a place is on, without the exercise: a change of screen is a new history entry, a new exercise is not. */
export function screenOf(hash: string): string {
  const place = placeFromHash(hash);
  if (place?.screen === 'pack' || place?.screen === 'review-session') return hash.replace(/\/\d+(\/[^/]*)?$/, '$1');
  return hash;
}
