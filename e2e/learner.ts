/**
 * Drives the learner's side of the app as a person would: by role and accessible name, with the
 * mouse (or, where `keyboard` is set, with the keyboard alone). The answers come from the pack file
 * being played (the seed pack unless another is given).
 */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, Label, Pack } from '../src/shared/pack/schema';
import { expect } from './fixtures';

export const SEED_PACK: Pack = JSON.parse(
  readFileSync(join(import.meta.dirname, '../exercises/nk-troops-russia-2024.json'), 'utf8'),
);

export const LABEL_NAMES: Record<Label, string> = {
  confirmed: 'Confirmed',
  estimate: 'Estimate',
  denial: 'Denial',
  unconfirmed: 'Unconfirmed',
  opinion: 'Opinion',
};

/**
 * A pack's card in the library, found by its title: the library may hold any number of packs (the
 * shipped ones, or the walk's), so specs never take "the" Start button.
 */
export function packCard(page: Page, title: string = SEED_PACK.meta.title): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
}

export async function createLearner(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Packs for ${name}` })).toBeVisible();
}

/** A wrong label for an item, different from every label it accepts. */
export function wrongLabel(accepted: readonly Label[], offered: readonly Label[] = Object.keys(LABEL_NAMES) as Label[]): Label {
  const label = offered.find((candidate) => !accepted.includes(candidate));
  if (!label) throw new Error('no wrong label to pick');
  return label;
}

function words(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export class Learner {
  readonly page: Page;
  readonly keyboard: boolean;
  /** The pack being played: its article's text tells where the words of a passage lie. */
  readonly pack: Pack;

  constructor(page: Page, options: { keyboard?: boolean; pack?: Pack } = {}) {
    this.page = page;
    this.keyboard = options.keyboard ?? false;
    this.pack = options.pack ?? SEED_PACK;
  }

  /**
   * Moves focus with Tab until `target` has it, as a keyboard user would. The limit allows for a
   * library of two dozen packs, each with its buttons, between a screen's controls and the way back.
   */
  async tabTo(target: Locator, maxPresses = 400): Promise<void> {
    for (let press = 0; press < maxPresses; press++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${target} with Tab`);
  }

  async activate(target: Locator): Promise<void> {
    if (this.keyboard) {
      await this.tabTo(target);
      await this.page.keyboard.press('Enter');
    } else {
      await target.click();
    }
  }

  /** Picks a radio button: Tab into its group, then arrow keys to it (a group takes one Tab stop). */
  async choose(radio: Locator): Promise<void> {
    if (!this.keyboard) return radio.check();
    const name = await radio.getAttribute('name');
    const inGroup = () =>
      this.page.evaluate((group) => (document.activeElement as HTMLInputElement | null)?.name === group, name);
    for (let press = 0; press < 80 && !(await inGroup()); press++) await this.page.keyboard.press('Tab');
    if (!(await inGroup())) throw new Error(`could not reach the radio group ${name} with Tab`);
    for (let press = 0; press < 8 && !(await radio.isChecked()); press++) {
      const focusedIsTarget = await radio.evaluate((element) => element === document.activeElement);
      await this.page.keyboard.press(focusedIsTarget ? 'Space' : 'ArrowDown');
    }
    await expect(radio).toBeChecked();
  }

  async select(combobox: Locator, option: string): Promise<void> {
    if (!this.keyboard) {
      await combobox.selectOption({ label: option });
      return;
    }
    await this.tabTo(combobox);
    // A closed <select> takes arrow keys; walk to the option (native selects do not open in headless).
    const labels = await combobox.locator('option').allTextContents();
    const target = labels.indexOf(option);
    const current = await combobox.evaluate((element) => (element as HTMLSelectElement).selectedIndex);
    const key = target > current ? 'ArrowDown' : 'ArrowUp';
    for (let step = 0; step < Math.abs(target - current); step++) await this.page.keyboard.press(key);
    await expect(combobox).toHaveValue((await combobox.locator('option').nth(target).getAttribute('value')) ?? '');
  }

  /** Answers the current exercise, rightly or wrongly, and waits for the feedback. */
  async answer(item: Item, right: boolean): Promise<void> {
    const page = this.page;
    const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });
    switch (item.type) {
      case 'classify': {
        const accepted = [item.claim.label, ...(item.claim.alsoAccept ?? [])];
        const label = right ? item.claim.label : wrongLabel(accepted, item.choices);
        await this.choose(panel.getByRole('radio', { name: new RegExp(`^${LABEL_NAMES[label]}\\b`) }));
        await this.choose(panel.getByRole('radio', { name: 'Fairly sure' }));
        break;
      }
      case 'source': {
        const option = right ? item.options.find((o) => o.id === item.answer) : item.options.find((o) => o.id !== item.answer);
        await this.choose(panel.getByRole('radio', { name: option!.text, exact: true }));
        break;
      }
      case 'headline': {
        const verdict = right === (item.answer === 'supported') ? 'The body supports it' : 'It says more than the body supports';
        await this.choose(panel.getByRole('radio', { name: verdict }));
        break;
      }
      case 'numbers': {
        for (const [index, figure] of item.figures.entries()) {
          const group = panel.getByRole('group', { name: `Figure ${index + 1}: “${figure.ref.quote}”` });
          const accepted = [figure.label, ...(figure.alsoAccept ?? [])];
          const label = right || index > 0 ? figure.label : wrongLabel(accepted, item.choices);
          await this.select(group.getByRole('combobox', { name: 'Label' }), LABEL_NAMES[label]);
          await this.select(group.getByRole('combobox', { name: 'Whose figure?' }), figure.source.name);
        }
        break;
      }
      case 'find': {
        // Right: mark every expected span. Wrong: mark only the start of the passage.
        const spans = right ? item.spans : [];
        for (const span of spans) await this.markSpan(span.paragraph, span.start, span.end);
        if (!right) {
          // A wrong answer marks the passage's first two words: a real selection, not a click.
          const first = item.paragraphs[0]!;
          const twoWords = words(this.pack.article.paragraphs[first]!)[1]!;
          await this.markSpan(first, 0, twoWords.end);
        }
        const marks = panel.getByRole('list').filter({ has: page.getByRole('button', { name: /^Remove mark/ }) });
        await expect(marks.getByRole('listitem')).toHaveCount(right ? item.spans.length : 1);
        break;
      }
    }
    await this.activate(panel.getByRole('button', { name: 'Check answer' }));
    await expect(panel.getByRole('heading', { level: 2, name: right ? /^✓?\s*Right$/ : /Not right|Partly right/ })).toBeVisible();
  }

  /** Marks the words covering [start, end) of a passage paragraph: a mouse drag, or the word cursor. */
  async markSpan(paragraph: number, start: number, end: number): Promise<void> {
    const page = this.page;
    const box = page.getByRole('textbox', { name: `Passage paragraph ${paragraph + 1}`, exact: true });
    if (this.keyboard) {
      const list = words(this.pack.article.paragraphs[paragraph]!);
      const first = list.findIndex((word) => word.end > start);
      const last = list.findLastIndex((word) => word.start < end);
      await this.tabTo(box);
      await page.keyboard.press('Home');
      for (let step = 0; step < first; step++) await page.keyboard.press('ArrowRight');
      for (let step = first; step < last; step++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Enter');
      return;
    }
    // Drag from the first character to the last, as a person selecting text with the mouse.
    // A person scrolls the text to where they can see it; pressing on a paragraph at the very edge of
    // the window would scroll it (focus) under the pointer mid-drag.
    await box.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    // Measure until the layout stands still: focus moving to a new exercise can scroll the page.
    const measure = () =>
      box.evaluate(
        (element, [from, to]) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const at = (offset: number) => {
            let rest = offset;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (rest < length) return { node, offset: rest };
              rest -= length;
            }
            throw new Error('offset beyond the paragraph');
          };
          const rectOf = (offset: number) => {
            walker.currentNode = element;
            const { node, offset: inNode } = at(offset);
            const range = document.createRange();
            range.setStart(node, inNode);
            range.setEnd(node, inNode + 1);
            return range.getBoundingClientRect();
          };
          const a = rectOf(from!);
          const b = rectOf(to! - 1);
          return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
        },
        [start, end],
      );
    let points = await measure();
    for (let tries = 0; tries < 20; tries++) {
      await page.waitForTimeout(50);
      const again = await measure();
      if (JSON.stringify(again) === JSON.stringify(points)) break;
      points = again;
    }
    await page.mouse.move(points.x1, points.y1);
    await page.mouse.down();
    await page.mouse.move(points.x2, points.y2, { steps: 5 });
    await page.mouse.up();
  }

  async next(isLast: boolean): Promise<void> {
    await this.activate(this.page.getByRole('button', { name: isLast ? 'See results' : 'Next exercise' }));
  }
}
