import { test } from 'vitest';
import { evaluate, readDevSet, figuresTable, matchArticle } from './evaluate';
import { suggestClaims } from './analyse';
test('d', () => {
  const arts = readDevSet(new URL('./dev-set', import.meta.url).pathname);
  console.log(figuresTable(evaluate(arts)));
  for (const a of arts) { const s = suggestClaims(a.text); const c = matchArticle(a.gold, s); console.log(a.name, JSON.stringify(Object.values(c).map(x=>[x.gold,x.suggested,x.matched]))); }
});
