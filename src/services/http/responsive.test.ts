/**
 * No request holds up the others: an answer sent while the instructor's long work runs (claim
 * suggestions for a long article) is acknowledged before that work ends. Through the real HTTP
 * server and backend; the check is the order the responses arrive in, not a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../backend';
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from './web-server';

const PACKS_DIR = join(import.meta.dirname, '../../../exercises');
const SEED_ID = 'nk-troops-russia-2024';

let root: string;
let server: RunningWebServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-responsive-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer/index.html'), '<!doctype html><title>app</title>');
  const backend = new Backend({ dataDir: join(root, 'data'), packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' });
  server = await startWebServer({ api: backend, rendererDir: join(root, 'renderer') });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

describe('a busy backend', () => {
  it('acknowledges an answer sent while claim suggestions for a long article are worked out', async () => {
    const learner = await call<{ id: string }>('createLearner', { name: 'Ada' });
    await call('setInstructorPassphrase', { passphrase: 'correct horse battery' });
    const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${SEED_ID}.json`), 'utf8')) as { article: { paragraphs: string[] } };
    const answer = {
      learnerId: learner.id,
      packId: SEED_ID,
      itemId: 'classify-official-confirms-troops-sent',
      answer: { type: 'classify', label: 'confirmed' },
      timeTakenMs: 1000,
    };
    // Warmed up, so that the race is between the answer and the analysis, not first-use loading.
    await call('recordAnswer', answer);
    await call('suggestClaims', { paragraphs: pack.article.paragraphs });
    const paragraphs = Array.from({ length: 60 }, () => pack.article.paragraphs).flat();

    const finished: string[] = [];
    const suggesting = call('suggestClaims', { paragraphs }).then(() => finished.push('suggestions'));
    // Sent once the suggestions are under way (their request has reached the backend).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answering = call('recordAnswer', answer).then(() => finished.push('answer'));
    await Promise.all([suggesting, answering]);
    expect(finished).toEqual(['answer', 'suggestions']);
  }, 60_000);
});
