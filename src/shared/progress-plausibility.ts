/**
 * Whether a progress file looks like what one learner could have done, before it joins the class.
 * A file can be valid and still implausible: thirty thousand answers to one exercise come from a
 * script or a broken machine, not from a learner, and would swamp the class figures. Such a file is
 * not refused (the instructor knows their class); the import stops and asks, with the numbers.
 */

/** More answers than this to one exercise is beyond any real practice. */
export const MAX_PLAUSIBLE_PER_ITEM = 100;
/** More answers than this in one file is beyond any real school year. */
export const MAX_PLAUSIBLE_ATTEMPTS = 20_000;

/** What looks implausible about a progress file's text, in words with the numbers; '' when nothing (or not readable: validation says why). */
export function implausibleProgress(fileName: string, text: string): string {
  let attempts: unknown;
  try {
    attempts = (JSON.parse(text) as { attempts?: unknown }).attempts;
  } catch {
    return '';
  }
  if (!Array.isArray(attempts)) return '';
  const perItem = new Map<string, number>();
  for (const attempt of attempts as { packId?: unknown; itemId?: unknown }[]) {
    const key = `${String(attempt?.packId)} / ${String(attempt?.itemId)}`;
    perItem.set(key, (perItem.get(key) ?? 0) + 1);
  }
  const [busiest, most] = [...perItem].reduce<[string, number]>((top, entry) => (entry[1] > top[1] ? entry : top), ['', 0]);
  const count = (value: number) => value.toLocaleString('en-US');
  if (most > MAX_PLAUSIBLE_PER_ITEM) {
    return `${fileName} has ${count(attempts.length)} answers, ${count(most)} of them to one exercise (${busiest}). A learner rarely answers one exercise more than ${MAX_PLAUSIBLE_PER_ITEM} times.`;
  }
  if (attempts.length > MAX_PLAUSIBLE_ATTEMPTS) {
    return `${fileName} has ${count(attempts.length)} answers, more than a learner gives in a school year (${count(MAX_PLAUSIBLE_ATTEMPTS)}).`;
  }
  return '';
}
