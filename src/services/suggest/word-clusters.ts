/**
 * Each word's clusters: the 40,000 most frequent words of the GloVe vectors, grouped by k-means into
 * 256 and into 1,024 clusters of words used alike (word-clusters.json, made by
 * scripts/word-clusters.mjs). The classifier reads them as features, so that a word it never met in
 * training counts like the words it met that are used the same way.
 */
import file from './word-clusters.json';

/** The number of clusters in each map, in the order of a word's cluster numbers. */
export const CLUSTER_SIZES: readonly number[] = file.maps.map((m) => m.k);

let byWord: Map<string, number[]> | undefined;

/** The word's cluster in each map (lowercase words only), or undefined for a word the maps lack. */
export function wordClusters(word: string): readonly number[] | undefined {
  if (!byWord) {
    byWord = new Map();
    for (const [m, { clusters }] of file.maps.entries())
      for (const [c, members] of clusters.entries())
        for (const w of members.split(' ')) {
          let found = byWord.get(w);
          if (!found) byWord.set(w, (found = []));
          found[m] = c;
        }
  }
  return byWord.get(word);
}
