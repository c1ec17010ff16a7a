/**
 * `sourcewise suggest FILE [--json]`: the claims the analyser proposes in an article. --json prints
 * one JSON document: `{ file, offsets, suggestions: [...] }`, the suggestions in article order, each
 * with its span, text, label, cues, source, source kind, chain and confidence.
 *
 * Offsets: for a .txt file (or any file that is not .md or .html) they are into the file's own
 * characters; its first line is the headline, as in the corpus, and is not read as a claim. A .md or
 * .html file is first reduced to its article text the way the studio reads it (`readArticle`: headline
 * and markup gone, paragraphs separated by blank lines), and the offsets are into that text, which
 * the listing says.
 */
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ApiError } from '../shared/errors';
import { readArticle } from '../services/studio/article-text';
import { suggestClaims } from '../services/suggest/analyse';

/** Files that are read as articles (markup removed) rather than as their own characters. */
const READ_AS_ARTICLE = new Set(['.md', '.markdown', '.html', '.htm']);

/** An article is a few thousand words; a file above this is not one. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface SuggestIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The file's bytes, or a plain reason it is not read: too big, or not text. */
async function readText(file: string): Promise<{ text: string } | { problem: string }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_ARTICLE_BYTES)
      return { problem: `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; an article file must be 5 MB or less` };
    const bytes = await handle.readFile();
    // Text has no NUL bytes and decodes as UTF-8; images, PDFs and word-processor files do not.
    if (bytes.includes(0)) return { problem: `${file} is not a text file (an article must be .txt, .md or .html)` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { problem: `${file} is not UTF-8 text (an article must be .txt, .md or .html, saved as UTF-8)` };
    }
  } finally {
    await handle.close();
  }
}

/** The text with its first non-blank line (the headline) blanked out, so offsets stay the file's. */
export function withoutHeadline(text: string): string {
  const match = /^\s*([^\n]*)/.exec(text)!;
  const start = match[0].length - match[1]!.length;
  return text.slice(0, start) + match[1]!.replace(/[^\r]/g, ' ') + text.slice(match[0].length);
}

export async function suggestCommand(files: string[], json: boolean, io: SuggestIo): Promise<number> {
  if (files.length !== 1) {
    io.err('sourcewise suggest: name exactly one article file (sourcewise suggest FILE [--json])');
    return 2;
  }
  const file = files[0]!;
  let read: Awaited<ReturnType<typeof readText>>;
  try {
    read = await readText(file);
  } catch (error) {
    io.err(`sourcewise suggest: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  if ('problem' in read) {
    io.err(`sourcewise suggest: ${read.problem}`);
    return 1;
  }
  let text = read.text;
  const asArticle = READ_AS_ARTICLE.has(extname(file).toLowerCase());
  if (asArticle) {
    try {
      text = readArticle(basename(file), text).paragraphs.join('\n\n');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      io.err(`sourcewise suggest: ${error.message}`);
      return 1;
    }
  }
  const suggestions = suggestClaims(asArticle ? text : withoutHeadline(text));
  if (json) {
    const rows = suggestions.map((s) => ({
      start: s.start,
      end: s.end,
      text: s.text,
      label: s.label,
      cues: s.cues,
      source: s.source?.name ?? null,
      sourceKind: s.source?.kind ?? null,
      chain: s.chain,
      confidence: s.confidence,
    }));
    const offsets = asArticle ? 'article text' : 'file';
    io.out(JSON.stringify({ file, offsets, suggestions: rows }, null, 2));
    return 0;
  }
  for (const s of suggestions) {
    const source = s.source ? `${s.source.name} (${s.source.kind})` : 'not found (fill it in)';
    const chain = s.chain.length > 1 ? `; chain: ${s.chain.join(' → ')}` : '';
    io.out(`${s.start}-${s.end}  ${s.label.toUpperCase()}  "${s.text}"`);
    io.out(`    cues: ${s.cues.join(', ') || '(none)'}; source: ${source}${chain}; confidence: ${s.confidence.toFixed(2)}`);
  }
  io.out(`${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} in ${file}`);
  if (asArticle) io.out('Offsets are into the article text read from the file: its paragraphs, separated by blank lines.');
  return 0;
}
