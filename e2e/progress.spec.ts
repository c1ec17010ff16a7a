import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressStore } from '../src/services/store/progress-store';
import type { ClassifyItem, Label } from '../src/shared/pack/schema';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, LABEL_NAMES, Learner, SEED_PACK, wrongLabel, packCard } from './learner';

// The first eight items of the seed pack are classify items; the plan answers them with these labels and confidences.
const classify = SEED_PACK.items.slice(0, 8) as ClassifyItem[];
const plan = classify.map((item, index) => {
  const right = index % 3 !== 1;
  const accepted = [item.claim.label, ...(item.claim.alsoAccept ?? [])];
  return {
    item,
    right,
    label: right ? item.claim.label : wrongLabel(accepted, item.choices),
    confidence: (['Guessing', 'Fairly sure', 'Certain'] as const)[index % 3]!,
  };
});

function learnerFile(dataDir: string): string {
  const dir = join(dataDir, 'learners');
  const [name] = readdirSync(dir).filter((file) => file.endsWith('.json'));
  return join(dir, name!);
}

async function answerPlan(page: import('@playwright/test').Page) {
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  for (const [index, { item, label, confidence }] of plan.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeVisible();
    const panel = page.getByRole('region', { name: /Exercise \d+ of/ });
    await panel.getByRole('radio', { name: new RegExp(`^${LABEL_NAMES[label]}\\b`) }).check();
    await panel.getByRole('radio', { name: confidence }).check();
    await panel.getByRole('button', { name: 'Check answer' }).click();
    await expect(panel.getByText(item.explanation)).toBeVisible();
    if (item.claim.alsoAccept) {
      // A space between the answer and what is also accepted.
      const also = item.claim.alsoAccept.map((other) => LABEL_NAMES[other]).join(', ');
      await expect(panel).toContainText(`The answer: ${LABEL_NAMES[item.claim.label]} (also accepted: ${also}).`);
    }
    await page.getByRole('button', { name: 'Next exercise' }).click();
  }
}

test('after a restart, the Progress and Review screens show the right figures', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await waitUntilReady(app.page);
  await createLearner(app.page, 'Ana');
  await answerPlan(app.page);

  await app.restart();
  const page = app.page;
  await waitUntilReady(page);
  await page.getByRole('button', { name: 'Ana', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();

  const right = plan.filter((entry) => entry.right).length;
  await expect(page.getByText(`${right} of ${plan.length} answers right`)).toBeVisible();
  const figures = page.getByRole('table', { name: 'Each label in figures' });
  const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
  for (const label of Object.keys(LABEL_NAMES) as Label[]) {
    const truly = plan.filter((entry) => entry.item.claim.label === label);
    const row = figures.getByRole('row', { name: new RegExp(LABEL_NAMES[label]) });
    // When a claim was the label, how often the learner said so (an accepted alternative counts as saying it);
    // when the learner said it, how often it was.
    const hits = truly.filter((entry) => entry.label === label || entry.right).length;
    const falseAlarms = plan.filter((entry) => entry.item.claim.label !== label && entry.label === label && !entry.right).length;
    await expect(row.getByRole('cell').nth(0)).toHaveText(
      truly.length === 0 ? 'no such claims yet' : `${hits} of ${truly.length} (${percent(hits, truly.length)})`,
    );
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      hits + falseAlarms === 0
        ? 'you have not chosen it yet'
        : `${hits} of ${hits + falseAlarms} (${percent(hits, hits + falseAlarms)})`,
    );
  }
  // Eight answers are too few for d′ and c: the teachers' part says so, with the counts.
  const teachers = page.getByRole('group').filter({ hasText: 'For teachers' });
  await expect(page.getByRole('table', { name: 'Signal detection per label' })).toBeHidden();
  await teachers.getByText('For teachers: discernment (d′) and lean (c)').click();
  const detection = page.getByRole('table', { name: 'Signal detection per label' });
  await expect(detection.getByRole('row', { name: /Confirmed/ })).toContainText(
    /not enough answers yet: \d+ of this label, \d+ of others/,
  );
  // The learner's own view speaks plain words: the technical ones sit only in the teachers' part.
  const plain = await page.getByRole('region', { name: /Progress for Ana/ }).evaluate((section) => {
    const copy = section.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('details').forEach((details) => details.remove());
    return copy.textContent ?? '';
  });
  for (const word of ['d′', 'precision', 'recall', 'lean c', 'criterion']) expect(plain.toLowerCase()).not.toContain(word);
  const sure = page.getByRole('table', { name: 'How sure you were, and how often right' });
  for (const confidence of ['Guessing', 'Fairly sure', 'Certain'] as const) {
    const at = plan.filter((entry) => entry.confidence === confidence);
    await expect(
      sure
        .getByRole('row', { name: new RegExp(confidence) })
        .getByRole('cell')
        .first(),
    ).toHaveText(`${at.filter((entry) => entry.right).length} of ${at.length}`);
  }
  await expect(page.getByRole('img', { name: /When a claim was this label, how often you said so/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /When you said this label, how often it was/ })).toBeVisible();
  // At phone width the page does not scroll sideways; wide tables scroll inside their own box.
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }
  await expectAccessible(page, testInfo, 'progress');
  await page.screenshot({ path: testInfo.outputPath('progress.png'), fullPage: true });

  // Missed and guessed items are in review, not yet due (FSRS brings them back after a short step), and can be practised now.
  const inReview = plan.filter((entry) => !entry.right || entry.confidence === 'Guessing').length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Nothing is due for review right now.')).toBeVisible();
  await expect(page.getByText(new RegExp(`^${inReview} exercises are not due yet`))).toBeVisible();
  await expect(page.getByRole('button', { name: `Practise ${inReview} exercises now` })).toBeVisible();

  // Time passes while the app is closed: every card falls due.
  await app.restart(async () => {
    // Recent answers and cards sit in the learner's journal: fold them into the snapshot to edit it.
    await new ProgressStore(app.dataDir).compact();
    const path = learnerFile(app.dataDir);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    for (const card of Object.values<{ due: string }>(data.reviews)) card.due = '2020-01-01T00:00:00.000Z';
    writeFileSync(path, JSON.stringify(data));
  });
  await waitUntilReady(app.page);
  await app.page.getByRole('button', { name: 'Ana', exact: true }).click();
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  await expect(app.page.getByText(`${inReview} exercises are due, from 1 article.`)).toBeVisible();
  await expectAccessible(app.page, testInfo, 'review, due');
  await app.page.screenshot({ path: testInfo.outputPath('review.png'), fullPage: true });

  await app.page.getByRole('button', { name: `Review ${inReview} exercises` }).click();
  const learner = new Learner(app.page);
  const due = plan.filter((entry) => !entry.right || entry.confidence === 'Guessing');
  for (const [index, { item }] of due.entries()) {
    await expect(
      app.page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of ${inReview}`) }),
    ).toBeVisible();
    await learner.answer(item, true);
    await learner.next(index === due.length - 1);
  }
  await expect(app.page.getByRole('heading', { level: 1, name: /^Review done/ })).toBeVisible();
  await app.page.getByRole('button', { name: 'Back to review' }).click();
  await expect(app.page.getByText('Nothing is due for review right now.')).toBeVisible();
});

test('a damaged progress file planted before start is set aside, restored from a backup, and the learner is told', async ({
  app,
}, testInfo) => {
  await waitUntilReady(app.page);
  await createLearner(app.page, 'Ben');
  await answerPlan(app.page);

  await app.restart(() => {
    // The snapshot is damaged; the answers since the last fold are in the journal beside it.
    const path = learnerFile(app.dataDir);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
  });
  const page = app.page;
  await waitUntilReady(page);
  const notice = page.getByRole('alert').filter({ hasText: "Ben's progress was damaged and has been restored from a backup" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('not complete JSON');
  await expect(notice).toContainText('damaged');
  await expectAccessible(page, testInfo, 'damaged-file notice');
  await page.screenshot({ path: testInfo.outputPath('damaged-notice.png'), fullPage: true });
  expect(readdirSync(join(app.dataDir, 'damaged'))).toHaveLength(1);

  // The backup plus the journal bring every answer back; the app keeps working.
  await page.getByRole('button', { name: 'Ben', exact: true }).click();
  await expect(page.getByText(/of 38 answered/)).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});
