/**
 * `sourcewise suggest FILE [--json]`: the claims the analyser proposes in an article. --json prints
 * one JSON object per line, in article order.
 *
 * Offsets: for a .txt file (or any file that is not .md or .html) they are into the file's own
 * characters. A .md or .html file is first reduced to its article text the way the studio reads it
 * (`readArticle`: headline and markup gone, paragraphs separated by blank lines), and the offsets are
 * into that text, which the listing says.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ApiError } from '../shared/errors';
import { readArticle } from '../services/studio/article-text';
import { suggestClaims } from '../services/suggest/analyse';

/** Files that are read as articles (markup removed) rather than as their own characters. */
const READ_AS_ARTICLE = new Set(['.md', '.markdown', '.html', '.htm']);

export interface SuggestIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function suggestCommand(files: string[], json: boolean, io: SuggestIo): Promise<number> {
  if (files.length !== 1) {
    io.err('sourcewise suggest: name exactly one article file (sourcewise suggest FILE [--json])');
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`sourcewise suggest: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
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
  const suggestions = suggestClaims(text);
  for (const s of suggestions) {
    if (json) {
      io.out(
        JSON.stringify({
          start: s.start,
          end: s.end,
          text: s.text,
          label: s.label,
          cues: s.cues,
          source: s.source?.name ?? null,
          confidence: s.confidence,
        }),
      );
    } else {
      const source = s.source ? `${s.source.name} (${s.source.kind})` : 'none';
      io.out(`${s.start}-${s.end}  ${s.label.toUpperCase()}  "${s.text}"`);
      io.out(`    cues: ${s.cues.join(', ')}; source: ${source}; confidence: ${s.confidence.toFixed(2)}`);
    }
  }
  if (!json) {
    io.out(`${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} in ${file}`);
    if (asArticle) io.out('Offsets are into the article text read from the file: its paragraphs, separated by blank lines.');
  }
  return 0;
}
