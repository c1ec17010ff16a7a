import type { Label } from '../src/shared/pack/schema';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, LABEL_NAMES, Learner, SEED_PACK, wrongLabel, packCard } from './learner';

const items = SEED_PACK.items;
// Every fifth item, from the third, is answered wrongly: at least one of each type.
const wrong = new Set(items.filter((_, index) => index % 5 === 2).map((item) => item.id));
for (const type of ['classify', 'find', 'source', 'headline', 'numbers']) {
  if (!items.some((item) => item.type === type && wrong.has(item.id))) wrong.add(items.find((item) => item.type === type)!.id);
}

/**
 * The two per-label figures the results screen must show, worked out from the pack and the planned
 * answers: when a claim was the label, how often it was said; when it was said, how often it was.
 */
function expectedByLabel(): Record<Label, [string, string]> {
  const judgements: { truth: Label; given: Label }[] = [];
  for (const item of items) {
    const right = !wrong.has(item.id);
    if (item.type === 'classify') {
      const accepted = [item.claim.label, ...(item.claim.alsoAccept ?? [])];
      judgements.push({ truth: item.claim.label, given: right ? item.claim.label : wrongLabel(accepted, item.choices) });
    }
    if (item.type === 'numbers')
      item.figures.forEach((figure, index) => {
        const accepted = [figure.label, ...(figure.alsoAccept ?? [])];
        judgements.push({ truth: figure.label, given: right || index > 0 ? figure.label : wrongLabel(accepted, item.choices) });
      });
  }
  const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
  return Object.fromEntries(
    (Object.keys(LABEL_NAMES) as Label[]).map((label) => {
      const was = judgements.filter((judgement) => judgement.truth === label).length;
      const said = judgements.filter((judgement) => judgement.given === label).length;
      const hits = judgements.filter((judgement) => judgement.truth === label && judgement.given === label).length;
      return [
        label,
        [
          was === 0 ? 'no such claims yet' : `${hits} of ${was} (${percent(hits, was)})`,
          said === 0 ? 'you have not chosen it yet' : `${hits} of ${said} (${percent(hits, said)})`,
        ],
      ];
    }),
  ) as Record<Label, [string, string]>;
}

test('a learner completes the seed pack with some wrong answers, sees the right results, and finds them after a restart', async ({
  app,
}, testInfo) => {
  test.setTimeout(240_000);
  const page = app.page;
  await waitUntilReady(page);
  await expectAccessible(page, testInfo, 'learners, empty');
  await createLearner(page, 'Ana');
  await expectAccessible(page, testInfo, 'library');
  await packCard(page).getByRole('button', { name: 'Start' }).click();

  const learner = new Learner(page);
  const checked = new Set<string>();
  for (const [index, item] of items.entries()) {
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of ${items.length}`) }),
    ).toBeVisible();
    if (!checked.has(item.type)) await expectAccessible(page, testInfo, `${item.type} exercise`);
    await learner.answer(item, !wrong.has(item.id));
    await expect(page.getByText(item.explanation)).toBeVisible();
    const state = `${item.type} feedback, ${wrong.has(item.id) ? 'wrong' : 'right'}`;
    if (!checked.has(state)) {
      checked.add(state);
      await expectAccessible(page, testInfo, state);
      await page.screenshot({ path: testInfo.outputPath(`${state.replaceAll(/\W+/g, '-')}.png`), fullPage: true });
    }
    checked.add(item.type);
    await learner.next(index === items.length - 1);
  }

  const right = items.length - wrong.size;
  const results = page.getByRole('region', { name: /^Results:/ });
  await expect(results.getByText(`You got ${right} of ${items.length} right`)).toBeVisible();
  for (const [label, [saidWhenItWas, wasWhenSaid]] of Object.entries(expectedByLabel())) {
    const row = results
      .getByRole('table', { name: 'By label' })
      .getByRole('row', { name: new RegExp(LABEL_NAMES[label as Label]) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(saidWhenItWas);
    await expect(row.getByRole('cell').nth(1)).toHaveText(wasWhenSaid);
  }
  const missed = results.getByRole('button', { name: /^Exercise \d+:/ });
  await expect(missed).toHaveCount(wrong.size);
  await expectAccessible(page, testInfo, 'results');
  await page.screenshot({ path: testInfo.outputPath('results.png'), fullPage: true });

  // A missed item links back to its explanation.
  const firstWrong = items.findIndex((item) => wrong.has(item.id));
  await missed.first().click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${firstWrong + 1} of`) })).toBeVisible();
  await expect(page.getByText(items[firstWrong]!.explanation)).toBeVisible();

  await app.restart();
  await waitUntilReady(app.page);
  await app.page.getByRole('button', { name: 'Ana', exact: true }).click();
  await expect(app.page.getByText(`${items.length} of ${items.length} answered, ${right} right`)).toBeVisible();
  await packCard(app.page).getByRole('button', { name: 'See results' }).click();
  await expect(app.page.getByText(`You got ${right} of ${items.length} right`)).toBeVisible();
});

test('a learner resumes a pack where they left it', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ben');
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(page);
  for (const [index, item] of items.slice(0, 3).entries()) {
    await learner.answer(item, index !== 1);
    await learner.next(false);
  }
  await app.restart();
  await waitUntilReady(app.page);
  await app.page.getByRole('button', { name: 'Ben', exact: true }).click();
  await expect(app.page.getByText(`3 of ${items.length} answered, 2 right`)).toBeVisible();
  await packCard(app.page).getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: new RegExp(`Exercise 4 of ${items.length}`) })).toBeVisible();
  // Earlier answers stay reviewable with their feedback.
  await app.page.getByRole('button', { name: 'Previous' }).click();
  await expect(app.page.getByRole('heading', { level: 2, name: /Right/ })).toBeVisible();
});
