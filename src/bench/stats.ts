/** Timing and summary statistics for the bench: medians, extremes and percentiles of repeated runs. */
import { performance } from 'node:perf_hooks';

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  runs: number;
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, p95: percentile(sorted, 95), runs: sorted.length };
}

/** Runs `task` `warmups` times untimed, then `runs` times timed; returns milliseconds per timed run. */
export async function timeRuns(warmups: number, runs: number, task: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}
