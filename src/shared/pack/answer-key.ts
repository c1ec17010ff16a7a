/**
 * The answer key of a pack, one row per thing a learner must get right: an item, or for find and
 * numbers items one row per expected span or figure. Used by `sourcewise key` and the printable key.
 */
import { reportingOf } from '../exercises/reporting';
import type { Label, Pack } from './schema';
import { creditWithLicense } from './vocabulary';

export interface KeyRow {
  itemId: string;
  type: Pack['items'][number]['type'];
  quote?: string;
  label?: Label;
  /** Other labels also accepted for a borderline claim. */
  alsoAccept?: Label[];
  source?: string;
  /** For source and headline items: the right option or verdict. */
  answer?: string;
}

export function answerKey(pack: Pack): KeyRow[] {
  return pack.items.flatMap((item) =>
    reportingOf(item.type)
      .keyRows(item)
      .map((row) => ({ itemId: item.id, type: item.type, ...row })),
  );
}

/** A readable listing of the key for a terminal or a print-out. */
export function formatKey(pack: Pack, rows: KeyRow[] = answerKey(pack)): string {
  const lines = [`Answer key: ${pack.meta.title} (${pack.id}, version ${pack.version})`, creditWithLicense(pack.meta), ''];
  let previous = '';
  for (const row of rows) {
    if (row.itemId !== previous) lines.push(`${row.itemId} [${row.type}]`);
    previous = row.itemId;
    const verdict = row.label ? [row.label, ...(row.alsoAccept ?? [])].join(' or ') : row.answer;
    lines.push(`  "${row.quote ?? ''}"`);
    lines.push(
      `    -> ${verdict ?? ''}${row.source ? ` (source: ${row.source})` : ''}${row.label && row.answer ? `; answer: ${row.answer}` : ''}`,
    );
  }
  return lines.join('\n');
}
