import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_SIZES, wordClusters } from './word-clusters';
import file from './word-clusters.json';

describe('the word clusters', () => {
  it('put each of the 40,000 words in exactly one cluster of each map', () => {
    expect(CLUSTER_SIZES).toEqual([256, 1024]);
    for (const { k, clusters } of file.maps) {
      expect(clusters).toHaveLength(k);
      const words = clusters.flatMap((members) => members.split(' '));
      expect(words).toHaveLength(40_000);
      expect(new Set(words).size).toBe(40_000);
      expect(clusters.every((members) => members.length > 0)).toBe(true);
    }
  });

  it('give a word its cluster number in each map, and nothing for a word the maps lack', () => {
    const terrible = wordClusters('terrible');
    expect(terrible).toHaveLength(2);
    terrible!.forEach((c, m) => expect(file.maps[m]!.clusters[c]!.split(' ')).toContain('terrible'));
    expect(wordClusters('qzxv')).toBeUndefined();
    expect(wordClusters('Terrible')).toBeUndefined();
  });

  it('group words used alike: an evaluative word the corpus may never show sits with the common ones', () => {
    expect(wordClusters('dreadful')).toEqual(wordClusters('terrible'));
    expect(wordClusters('dreadful')![1]).not.toBe(wordClusters('announced')![1]);
  });

  it('ship, with the model, in under 5 MB', () => {
    const size = (name: string) => statSync(join(import.meta.dirname, name)).size;
    expect(size('model.json') + size('word-clusters.json')).toBeLessThan(5_000_000);
  });
});
