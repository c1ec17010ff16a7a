/**
 * Where the person is in the app, written in the URL's fragment so that Reload, Back and Forward keep
 * it: the learner, the screen and, in a pack or a review, the exercise (counted from 1, as on screen).
 *
 *   #/learners   #/class   #/studio
 *   #/<learnerId>/library   #/<learnerId>/progress   #/<learnerId>/review
 *   #/<learnerId>/pack/<packId>/<exercise>
 *   #/<learnerId>/review/<packId>/<exercise>/<itemId>,<itemId>,...
 *
 * A fragment is typed by anyone: anything that does not parse is no place, and the app starts at the
 * learners screen. Ids are checked against their forms here and against the backend when used.
 */
export type Place =
  | { screen: 'learners' | 'class' | 'studio' }
  | { screen: 'library' | 'progress' | 'review'; learnerId: string }
  | { screen: 'pack'; learnerId: string; packId: string; exercise: number }
  | { screen: 'review-session'; learnerId: string; packId: string; exercise: number; itemIds: string[] };

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
      return `#/${place.learnerId}/review/${place.packId}/${place.exercise}/${place.itemIds.join(',')}`;
  }
}

export function placeFromHash(hash: string): Place | undefined {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [first, screen, packId, exercise, items] = parts;
  if (parts.length === 1 && (first === 'learners' || first === 'class' || first === 'studio')) return { screen: first };
  if (!first || !LEARNER_ID.test(first)) return undefined;
  const learnerId = first;
  if (parts.length === 2 && (screen === 'library' || screen === 'progress' || screen === 'review')) return { screen, learnerId };
  if (!packId || !ID.test(packId) || !exercise || !EXERCISE.test(exercise)) return undefined;
  if (parts.length === 4 && screen === 'pack') return { screen: 'pack', learnerId, packId, exercise: Number(exercise) };
  const itemIds = items?.split(',') ?? [];
  if (
    parts.length === 5 &&
    screen === 'review' &&
    itemIds.length > 0 &&
    itemIds.length <= 500 &&
    itemIds.every((id) => ID.test(id))
  ) {
    return { screen: 'review-session', learnerId, packId, exercise: Number(exercise), itemIds };
  }
  return undefined;
}

/** The screen a place is on, without the exercise: a change of screen is a new history entry, a new exercise is not. */
export function screenOf(hash: string): string {
  const place = placeFromHash(hash);
  if (place?.screen === 'pack' || place?.screen === 'review-session') return hash.replace(/\/\d+(\/[^/]*)?$/, '$1');
  return hash;
}
