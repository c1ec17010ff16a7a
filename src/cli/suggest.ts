/**
 * `sourcewise suggest FILE [--json]`: the claims the analyser proposes in an article (.txt: the
 * file's own characters). --json prints one JSON object per line, in article order.
 */
import { readFile } from 'node:fs/promises';
import { suggestClaims } from '../services/suggest/analyse';

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
  if (!json) io.out(`${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} in ${file}`);
  return 0;
}
