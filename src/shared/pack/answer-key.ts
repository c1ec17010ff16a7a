/**
 * The answer key of a pack, one row per thing a learner must get right: an item, or for find and
 * numbers items one row per expected span or figure. Used by `sourcewise key` and the printable key.
 */
import type { Label, Pack } from './schema';

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
  const rows: KeyRow[] = [];
  for (const item of pack.items) {
    const base = { itemId: item.id, type: item.type };
    switch (item.type) {
      case 'classify':
        rows.push({
          ...base,
          quote: item.claim.ref.quote,
          label: item.claim.label,
          ...accepts(item.claim.alsoAccept),
          source: item.claim.source.name,
        });
        break;
      case 'find':
        for (const span of item.spans) rows.push({ ...base, quote: span.quote, label: item.label });
        break;
      case 'source': {
        const answer = item.options.find((option) => option.id === item.answer)?.text ?? item.answer;
        rows.push({ ...base, quote: item.claim.ref.quote, label: item.claim.label, source: item.claim.source.name, answer });
        break;
      }
      case 'headline':
        rows.push({ ...base, quote: item.headline, answer: item.answer });
        break;
      case 'numbers':
        for (const figure of item.figures) {
          rows.push({
            ...base,
            quote: figure.ref.quote,
            label: figure.label,
            ...accepts(figure.alsoAccept),
            source: figure.source.name,
          });
        }
        break;
    }
  }
  return rows;
}

function accepts(alsoAccept: Label[] | undefined): { alsoAccept?: Label[] } {
  return alsoAccept && alsoAccept.length > 0 ? { alsoAccept } : {};
}

/** A readable listing of the key for a terminal or a print-out. */
export function formatKey(pack: Pack, rows: KeyRow[] = answerKey(pack)): string {
  const lines = [`Answer key: ${pack.meta.title} (${pack.id}, version ${pack.version})`, ''];
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
