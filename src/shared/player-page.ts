/**
 * The one-file player page's parts, shared by the player that reads them and the export that writes them:
 * where the pack sits, and how it is written there so that no pack text can end the data block.
 */

/** The id of the `<script type="application/json">` element that holds the pack. */
export const PACK_ELEMENT_ID = 'sourcewise-pack';

/**
 * The pack as JSON safe inside a `<script>` element: every `<`, `>` and `&` is written as a JSON
 * escape, so "</script>" or "<!--" in pack text cannot end or change the block, and
 * `JSON.parse` reads back exactly the same text.
 */
export function packDataBlock(pack: unknown): string {
  return JSON.stringify(pack)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
