/**
 * What in-view.spec.ts and in-view-packs.spec.ts check after a wrong answer: each part of the feedback
 * and Next in view, none under the bar that keeps Next in view, and the question marking the learner's
 * wrong choice and the right one.
 */
import type { Locator, Page } from '@playwright/test';
import { VERDICT_WORDS } from '../src/shared/exercises/headline';
import type { Item } from '../src/shared/pack/schema';
import { expect } from './fixtures';
import { LABEL_NAMES, wrongLabel } from './learner';

/** The feedback's parts a learner must see after Check answer, by type. */
export function feedbackParts(feedback: Locator, item: Item): Record<string, Locator> {
  const parts: Record<string, Locator> = {
    verdict: feedback.getByRole('heading', { level: 2 }),
    explanation: feedback.getByText(item.explanation, { exact: true }),
  };
  switch (item.type) {
    case 'classify':
    case 'source':
      parts['right answer'] = feedback.getByText(/^The answer:/);
      parts.source = feedback.getByText(/^Who says so:/);
      break;
    case 'headline':
      parts['right answer'] = feedback.getByText(/^The answer:/);
      break;
    case 'numbers':
      // The table gives each figure's right label and its source.
      parts['right answer'] = feedback.getByRole('table');
      break;
    case 'find':
      // A wrong answer misses every claim: the feedback quotes each one.
      parts['right answer'] = feedback.getByRole('listitem').first();
      break;
  }
  return parts;
}

/**
 * After Check answer on exercise `index + 1` of `total`: Next (or See results) and every part of the
 * feedback wholly in the window, and none of them under the bar with Next. With `check` set to
 * `expect.soft`, every part is checked and measured (by how many pixels it runs under the bar) even
 * after one fails.
 */
export async function expectFeedbackInView(
  page: Page,
  item: Item,
  index: number,
  total: number,
  place: string,
  check: typeof expect = expect,
): Promise<void> {
  const feedback = page.getByRole('region', { name: /Right|Not right|Partly right/ });
  const next = page.getByRole('button', { name: index === total - 1 ? 'See results' : 'Next exercise' });
  await expect(next, `${place}: Next`).toBeInViewport({ ratio: 1 });
  const nextTop = (await next.boundingBox())!.y;
  for (const [name, part] of Object.entries(feedbackParts(feedback, item))) {
    await check(part, `${place}: ${name}`).toBeInViewport({ ratio: 1 });
    const box = (await part.boundingBox())!;
    check(box.y + box.height, `${place}: ${name} is not under the bar with Next`).toBeLessThanOrEqual(nextTop);
  }
}

/** The question marks the learner's wrong choice and the right one (on the radios, or beside each figure's fields). */
export async function expectMarkedOnQuestion(panel: Locator, item: Item): Promise<void> {
  /** The option whose radio has this name (a label's name starts with the label; the others are exact). */
  const option = (name: string, exact = true) =>
    panel.locator('label.choice', {
      has: panel.page().getByRole('radio', { name: exact ? name : new RegExp(`^${name}\\b`), exact }),
    });
  switch (item.type) {
    case 'classify': {
      const accepted = [item.claim.label, ...(item.claim.alsoAccept ?? [])];
      const chosen = LABEL_NAMES[wrongLabel(accepted, item.choices)];
      await expect(option(chosen, false)).toContainText('✗ Your answer');
      await expect(option(LABEL_NAMES[item.claim.label], false)).toContainText('✓ Right answer');
      break;
    }
    case 'source': {
      const chosen = item.options.find((candidate) => candidate.id !== item.answer)!;
      const right = item.options.find((candidate) => candidate.id === item.answer)!;
      await expect(option(chosen.text)).toContainText('✗ Your answer');
      await expect(option(right.text)).toContainText('✓ Right answer');
      break;
    }
    case 'headline': {
      const right = VERDICT_WORDS[item.answer].choice;
      const chosen = VERDICT_WORDS[item.answer === 'supported' ? 'overstated' : 'supported'].choice;
      await expect(option(chosen)).toContainText('✗ Your answer');
      await expect(option(right)).toContainText('✓ Right answer');
      break;
    }
    case 'numbers': {
      const first = item.figures[0]!;
      await expect(panel.getByText(`✗ Right answer: ${LABEL_NAMES[first.label]}`)).toBeVisible();
      break;
    }
    case 'find':
      // The article shows the claims found and missed beside the learner's marks.
      await expect(panel.page().getByRole('article').locator('.hl-missed').first()).toBeAttached();
      break;
  }
}
