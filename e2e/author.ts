/**
 * Drives the instructor's studio as a person would: by role and accessible name, selecting words in
 * the article with the mouse (or, where `keyboard` is set, typing quotes and moving by keyboard only).
 */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from './fixtures';

export const SEED_ARTICLE = readFileSync(join(import.meta.dirname, '../src/services/suggest/dev-set/seed-article.txt'), 'utf8');
export const PASSPHRASE = 'teacher-only-2026';

export class Author {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the studio, setting the instructor passphrase on first use or typing it after. */
  async openStudio(firstUse = true): Promise<void> {
    const page = this.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeVisible();
    if (firstUse) {
      await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Set passphrase and open' }).click();
    } else {
      await page.getByLabel('Instructor passphrase').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open instructor mode' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
  }

  /** The open exercise's editor. */
  exercise(number: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Exercise ${number}: `) });
  }

  async showPart(name: 'Details' | 'Suggestions' | 'Exercises'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Part of the pack' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
  }

  async addExercise(type: 'Classify' | 'Find' | 'Source' | 'Headline' | 'Numbers', number: number): Promise<Locator> {
    await this.showPart('Exercises');
    await this.page.getByLabel('New exercise').selectOption({ label: type });
    await this.page.getByRole('button', { name: 'Add exercise' }).click();
    const editor = this.exercise(number);
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Selects a quote in the studio's article with a mouse drag, as a person selecting words would. */
  async selectText(quote: string): Promise<void> {
    const page = this.page;
    const paragraph = page.locator('.article-body [data-paragraph]').filter({ hasText: quote }).first();
    await paragraph.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const points = await paragraph.evaluate((element, text) => {
      const full = element.textContent ?? '';
      const from = full.indexOf(text);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const rectOf = (offset: number) => {
        walker.currentNode = element;
        let rest = offset;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (rest < length) {
            const range = document.createRange();
            range.setStart(node, rest);
            range.setEnd(node, rest + 1);
            return range.getBoundingClientRect();
          }
          rest -= length;
        }
        throw new Error('offset beyond the paragraph');
      };
      const a = rectOf(from);
      const b = rectOf(from + text.length - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }, quote);
    await page.mouse.move(points.x1, points.y1);
    await page.mouse.down();
    await page.mouse.move(points.x2, points.y2, { steps: 5 });
    await page.mouse.up();
    // The selection shows as one highlight, split into runs where it crosses other highlights.
    await expect.poll(async () => (await page.locator('.hl-mark').allTextContents()).join('')).toBe(quote);
  }

  /** Waits until the latest edit is saved and the backend has answered with what is still wrong. */
  async saved(): Promise<void> {
    await expect(this.page.getByText('All changes saved')).toBeVisible();
  }
}
