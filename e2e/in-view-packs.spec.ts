/**
 * Feedback in view in every pack, cheaply: in-view.spec.ts walks only the seed pack, so a long
 * explanation elsewhere could run under the bar with Next unseen. For each pack in exercises/, the
 * item whose feedback after a WRONG answer is likely tallest (the explanation, plus for find the
 * claims quoted as missed, for numbers the table's rows, for classify and source the answer and "Who
 * says so" lines, and the cue words) is moved to the front of the pack, which is served whole (so the
 * article's claims are labelled as in real play). Only that item is answered, wrongly, at 1366×768
 * (the shortest window); then every part of the feedback and Next must be in view, none under the bar
 * (the checks of in-view.spec.ts). Checks are soft, so a run lists every part that fails and by how
 * many pixels it runs under the bar.
 *
 * Only one item per pack and one size, to stay near 90 s with 2 workers: the tallest item of each type
 * at 1366×768 and 390×844 took 4 minutes. IN_VIEW_PACKS=all checks that (before changing many packs'
 * content, say).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item, Pack } from '../src/shared/pack/schema';
import { LABEL_NAMES, SOURCE_KIND_NAMES } from '../src/shared/pack/vocabulary';
import { expect, test, waitUntilReady } from './fixtures';
import { expectFeedbackInView, expectMarkedOnQuestion } from './in-view';
import { createLearner, Learner } from './learner';

const EXERCISES = join(import.meta.dirname, '../exercises');
const ALL = process.env.IN_VIEW_PACKS === 'all';
const SIZES = [{ width: 1366, height: 768 }, ...(ALL ? [{ width: 390, height: 844 }] : [])];
/** Characters a block of the feedback (a paragraph, a list item, a table row) is counted as, beyond its text: its margins and a part-filled last line. */
const BLOCK = 40;

/** Roughly how tall an item's feedback is after a wrong answer, in characters of text. */
function feedbackLength(item: Item): number {
  const block = (text: string) => text.length + BLOCK;
  const cues = (list: readonly string[] | undefined) => (list?.length ? block(list.map((cue) => `“${cue}”`).join(', ') + 40) : 0);
  const explained = block(item.explanation);
  switch (item.type) {
    case 'classify':
    case 'source': {
      const { source } = item.claim;
      const chain = source.chain.length > 0 ? `, through ${source.chain.join(' → ')}` : '';
      const answer = item.type === 'source' ? item.options.find((option) => option.id === item.answer)!.text : 'Unconfirmed';
      return (
        explained +
        block(`The answer: ${answer} (also accepted: Unconfirmed). You chose Unconfirmed.`) +
        block(`Who says so: ${source.name} (${SOURCE_KIND_NAMES[source.kind]})${chain}`) +
        cues(item.claim.cues)
      );
    }
    case 'find':
      // One mark (the passage's first words), then every claim quoted as missed.
      return (
        explained +
        2 * block('You found 0 of 2 claims. Your mark is not a claim.') +
        item.spans.reduce((sum, span) => sum + block(span.quote), 0) +
        cues(item.cues)
      );
    case 'numbers':
      return (
        explained +
        item.figures.reduce(
          (sum, figure, index) =>
            sum +
            block(
              `${index + 1}. “${figure.ref.quote}” ✗ ${LABEL_NAMES[figure.label]} (you: Estimate) ✗ ${figure.source.name} (you: ${figure.source.name})`,
            ),
          0,
        )
      );
    case 'headline':
      return explained + 2 * block('The answer: It says more than the body supports.');
  }
}

/** The item of `items` with the likely tallest feedback. */
function tallest(items: Item[]): Item {
  return items.reduce((most, item) => (feedbackLength(item) > feedbackLength(most) ? item : most));
}

/** A pack with the items to check first (the tallest, or with IN_VIEW_PACKS=all the tallest of each type), and the rest after them. */
function tallestFirst(pack: Pack): { pack: Pack; checked: Item[] } {
  const types = [...new Set(pack.items.map((item) => item.type))];
  const checked = ALL ? types.map((type) => tallest(pack.items.filter((item) => item.type === type))) : [tallest(pack.items)];
  return { pack: { ...pack, items: [...checked, ...pack.items.filter((item) => !checked.includes(item))] }, checked };
}

const files = readdirSync(EXERCISES).filter((name) => name.endsWith('.json') && name !== 'pack.schema.json');
const root = mkdtempSync(join(tmpdir(), 'sourcewise-in-view-packs-'));
process.once('exit', () => rmSync(root, { recursive: true, force: true }));

for (const file of files) {
  const { pack, checked } = tallestFirst(JSON.parse(readFileSync(join(EXERCISES, file), 'utf8')) as Pack);
  const packsDir = join(root, pack.id);
  mkdirSync(packsDir);
  writeFileSync(join(packsDir, file), JSON.stringify(pack, null, 2));
  test.describe(pack.id, () => {
    test.use({ packsDir });
    for (const size of SIZES) {
      test(`at ${size.width}×${size.height}, the tallest feedback (${checked.map((item) => item.id).join(', ')}) is in view`, async ({
        app,
        shell,
      }) => {
        test.skip(shell !== 'browser', 'window sizes are set in browser mode');
        const page = app.page;
        await page.setViewportSize(size);
        await waitUntilReady(page);
        await createLearner(page, 'Vera');
        await page.getByRole('button', { name: 'Start' }).click();
        const learner = new Learner(page, { pack });
        const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });
        for (const [index, item] of checked.entries()) {
          const place = `${pack.id} at ${size.width}×${size.height}, exercise ${index + 1} (${item.type}, ${item.id})`;
          await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeFocused();
          await learner.answer(item, false);
          await expectFeedbackInView(page, item, index, pack.items.length, place, expect.soft);
          await expectMarkedOnQuestion(panel, item);
          await learner.next(false);
        }
      });
    }
  });
}
