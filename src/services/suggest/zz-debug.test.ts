import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { suggestClaims } from './analyse';
test('debug', () => {
  const f = process.env.F ?? 'seed-article.txt';
  const text = readFileSync(new URL(`./dev-set/${f}`, import.meta.url), 'utf8');
  for (const s of suggestClaims(text)) console.log(`${s.label.padEnd(11)} ${s.confidence} [${s.cues.join('|')}] {${s.source?.kind}: ${s.source?.name}} ${s.text}`);
});
