/**
 * A learner's name as typed, made tidy and checked: zod-free, so the one-file player checks a name the
 * way the app's contract does (`LearnerName` in `progress.ts`) without bundling the schema library.
 */

/** One line: trimmed, runs of white space as one space. */
export function tidyLearnerName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The longest name, in characters, after tidying. */
export const MAX_LEARNER_NAME = 60;

/**
 * What makes a learner's name unusable, whatever way it arrives (created in the app, or in a progress
 * file the class imports): blank, control characters, half of a character (a lone UTF-16 surrogate).
 */
export function learnerNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a name must have at least one letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a name cannot contain control characters';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name))
    return 'a name cannot contain broken characters';
  return undefined;
}
