// Splits every corpus article (corpus/articles/*.txt: headline, blank line, paragraphs separated by blank
// lines) into numbered sentences with wink-nlp, the tokenizer the analyser uses, and writes
// corpus/sentences/<name>.json. Annotators label these ids, so both annotators and the analyser see the
// same units. Re-running it gives the same files (a test-split article's ids never move).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const root = join(import.meta.dirname, '..', 'corpus');
const nlp = winkNLP(model, ['sbd']);
mkdirSync(join(root, 'sentences'), { recursive: true });
let total = 0;
for (const file of readdirSync(join(root, 'articles'))
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const name = basename(file, '.txt');
  const blocks = readFileSync(join(root, 'articles', file), 'utf8')
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const [headline, ...paragraphs] = blocks;
  const units = [{ id: `${name}#h`, paragraph: 0, text: headline.replace(/\s+/g, ' ') }];
  paragraphs.forEach((paragraph, p) => {
    const text = paragraph.replace(/\s+/g, ' ');
    const doc = nlp.readDoc(text);
    doc
      .sentences()
      .out()
      .forEach((sentence, s) => {
        units.push({ id: `${name}#p${p + 1}s${s + 1}`, paragraph: p + 1, text: sentence.trim() });
      });
  });
  total += units.length;
  writeFileSync(join(root, 'sentences', `${name}.json`), JSON.stringify({ article: name, units }, null, 2) + '\n');
}
console.log(`${total} units`);
