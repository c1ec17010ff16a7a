#!/usr/bin/env node
/**
 * Pack authoring aid: fills in `start` and `end` of every text reference in a pack from its `paragraph`
 * and `quote`, so an author writes the words and never counts characters.
 *
 *   node scripts/fill-offsets.mjs exercises/my-pack.json [more.json ...]
 *
 * A reference is any object with a numeric `paragraph` (counted from 0, as in the pack format) and a
 * string `quote`. When the quote occurs more than once in its paragraph, add `"occurrence": 2` (counted
 * from 1) to pick which; the script removes that key after using it. References whose offsets already
 * point at their quote are left alone. Anything it cannot place is listed with its path, and the file is
 * then left unchanged. The pack is written back with two-space indentation; run `sourcewise validate`
 * afterwards for every other rule.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Places every reference under `node`; returns the problems, each with the JSON path it is at. */
export function fillOffsets(pack) {
  const paragraphs = pack?.article?.paragraphs;
  if (!Array.isArray(paragraphs)) return ['article.paragraphs: missing, so no quote can be placed'];
  const problems = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${path}[${index}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (typeof node.paragraph === 'number' && typeof node.quote === 'string' && path !== '') {
      const problem = place(node, paragraphs);
      if (problem) problems.push(`${path}: ${problem}`);
    }
    for (const [key, child] of Object.entries(node)) visit(child, path === '' ? key : `${path}.${key}`);
  };
  visit(pack, '');
  return problems;
}

function place(ref, paragraphs) {
  const text = paragraphs[ref.paragraph];
  if (typeof text !== 'string') return `paragraph ${ref.paragraph} does not exist (paragraphs count from 0 here)`;
  if (ref.quote === '') return 'quote is empty';
  if (ref.occurrence === undefined && text.slice(ref.start, ref.end) === ref.quote) return undefined;
  const found = [];
  for (let at = text.indexOf(ref.quote); at !== -1; at = text.indexOf(ref.quote, at + 1)) found.push(at);
  const shown = JSON.stringify(ref.quote.length > 60 ? `${ref.quote.slice(0, 57)}...` : ref.quote);
  if (found.length === 0) return `${shown} is not in paragraph ${ref.paragraph}`;
  const occurrence = ref.occurrence ?? 1;
  if (ref.occurrence === undefined && found.length > 1) {
    return `${shown} occurs ${found.length} times in paragraph ${ref.paragraph}; add "occurrence": N to choose`;
  }
  if (!Number.isInteger(occurrence) || occurrence < 1 || occurrence > found.length) {
    return `occurrence ${occurrence} asked for, but ${shown} occurs ${found.length} times`;
  }
  ref.start = found[occurrence - 1];
  ref.end = ref.start + ref.quote.length;
  delete ref.occurrence;
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    const problems = fillOffsets(pack);
    if (problems.length > 0) {
      failed = true;
      for (const problem of problems) console.error(`${file}: ${problem}`);
      continue;
    }
    writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
    console.log(`${file}: offsets filled`);
  }
  process.exitCode = failed ? 1 : 0;
}
