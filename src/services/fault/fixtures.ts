/**
 * Shared by the fault tests and the child scripts they bundle: a valid attempt and a byte-exact
 * picture of a folder.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt } from '../../shared/progress';

export function validAttempt(learnerId: string, overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: randomUUID(),
    learnerId,
    packId: 'pack-a',
    packVersion: 1,
    itemId: 'item-1',
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'estimate', confidence: 2 },
    correct: true,
    score: 1,
    labels: [{ label: 'estimate', correct: true }],
    confidence: 2,
    timeTakenMs: 1500,
    answeredAt: new Date().toISOString(),
    appVersion: '0.0.0-fault',
    ...overrides,
  };
}

/** Every file and folder under `folder` with its exact bytes (hex), folders as null. */
export function snapshot(folder: string): Record<string, string | null> {
  const entries: Record<string, string | null> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    entries[name] = statSync(path).isDirectory() ? null : readFileSync(path).toString('hex');
  }
  return entries;
}
