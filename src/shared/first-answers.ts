/**
 * Browser mode sends the answers to the app's first calls with the page itself, as a JSON data block,
 * so that the first screen needs no round trip before it shows (start-up, docs/performance.md, fifth
 * round). Only a page request that carries the token gets them: the learners' names are behind it.
 */

/** The calls the first screen makes, with `{}` as input: their answers go with the page. */
export const FIRST_CALLS = ['getAppInfo', 'getNotices', 'listLearners'] as const;

/** The id of the `<script type="application/json">` block that holds them. */
export const FIRST_ANSWERS_ID = 'sourcewise-first-answers';

/**
 * JSON that can sit inside a `<script>` element: `<`, `>` and `&` written as escapes, so that no
 * `</script>` or `<!--` in a learner's name can end the block or change how the HTML is parsed; and
 * U+2028 and U+2029 likewise, for readers that treat them as line ends. `JSON.parse` reads it back
 * unchanged.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
