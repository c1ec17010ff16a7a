#!/usr/bin/env node
/**
 * Agreement between the two blind annotations (corpus/labels/a, corpus/labels/b): raw agreement,
 * Cohen's κ over the six classes, and κ per label (that label against the rest), as printed in
 * corpus/AGREEMENT.md.
 *
 *   node scripts/corpus-agreement.mjs                   the test split, the dev split, the other outlets
 *   node scripts/corpus-agreement.mjs --since FILE      only the articles not listed in FILE
 *                                                      (a JSON array of names: an earlier batch)
 *   node scripts/corpus-agreement.mjs --batch FILE      only the articles listed in FILE (a later batch)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const LABELS = ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion', 'none'];

const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const split = read('corpus/split.json');
const articles = readdirSync(join(ROOT, 'corpus/sentences'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Cohen's κ for two parallel lists of labels. */
function kappa(first, second) {
  const n = first.length;
  const classes = [...new Set([...first, ...second])];
  const observed = first.filter((label, i) => label === second[i]).length / n;
  const expected = classes.reduce(
    (sum, c) => sum + (first.filter((l) => l === c).length / n) * (second.filter((l) => l === c).length / n),
    0,
  );
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

function pairs(names) {
  const a = [];
  const b = [];
  for (const article of names) {
    const units = read(`corpus/sentences/${article}.json`).units;
    const byId = (who) => new Map(read(`corpus/labels/${who}/${article}.json`).units.map((u) => [u.id, u.label]));
    const la = byId('a');
    const lb = byId('b');
    for (const { id } of units) {
      if (!la.has(id) || !lb.has(id)) throw new Error(`${id}: not labelled by ${la.has(id) ? 'B' : 'A'}`);
      a.push(la.get(id));
      b.push(lb.get(id));
    }
  }
  return { a, b };
}

function report(title, names) {
  const { a, b } = pairs(names);
  const agree = a.filter((label, i) => label === b[i]).length;
  console.log(`## ${title}: ${a.length} units (${names.length} articles)\n`);
  console.log(`Raw agreement ${(agree / a.length).toFixed(3)}; Cohen's κ over the six classes ${kappa(a, b).toFixed(3)}.\n`);
  console.log('| label | A | B | both | κ (this label against the rest) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const label of LABELS) {
    const both = a.filter((l, i) => l === label && b[i] === label).length;
    const binary = (list) => list.map((l) => l === label);
    console.log(
      `| ${label} | ${a.filter((l) => l === label).length} | ${b.filter((l) => l === label).length} | ${both} | ${a.includes(label) || b.includes(label) ? kappa(binary(a), binary(b)).toFixed(3) : 'n/a (in neither)'} |`,
    );
  }
  const moves = {};
  a.forEach((l, i) => {
    if (l !== b[i]) moves[`${l} → ${b[i]}`] = (moves[`${l} → ${b[i]}`] ?? 0) + 1;
  });
  const top = Object.entries(moves)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, 8)
    .map(([move, n]) => `${move}: ${n}`);
  console.log(`\nMost frequent disagreements (A → B): ${top.join(', ')}.\n`);
}

const since = process.argv.indexOf('--since');
const batch = process.argv.indexOf('--batch');
if (batch > 0) {
  const listed = new Set(read(process.argv[batch + 1]));
  report(
    'Added articles',
    articles.filter((name) => listed.has(name)),
  );
} else if (since > 0) {
  const earlier = new Set(read(process.argv[since + 1]));
  report(
    'Added articles',
    articles.filter((name) => !earlier.has(name)),
  );
} else {
  report(
    'The test split',
    articles.filter((name) => split.test.includes(name)),
  );
  report(
    'The dev split',
    articles.filter((name) => split.dev.includes(name)),
  );
  report(
    'The other outlets, held out',
    articles.filter((name) => split.otherOutlets.includes(name)),
  );
}
