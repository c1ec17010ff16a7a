/**
 * Validates an untrusted value as a pack: the schema first, then the rules across fields that a
 * schema cannot express (the pack's own here, each item type's in its module). Every problem comes
 * back as one line, `path.to.field: what is wrong`, so an author can find it; nothing is thrown for
 * bad input. The path is the JSON path (indexes from 0, as
 * in the file); the words after it count paragraphs, items and spans from 1, as people read them.
 */
import { formatPath } from '../errors';
import type { PackChecks } from '../exercises/kind';
import { reportingOf } from '../exercises/reporting';
import { Pack, PACK_SCHEMA_VERSION, type Claim, type TextRef } from './schema';

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: string[] };

export function validatePack(raw: unknown): PackValidation {
  const versionProblem = checkSchemaVersion(raw);
  if (versionProblem) return { ok: false, problems: [versionProblem] };

  const parsed = Pack.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = formatPath(issue.path) || '(pack)';
      if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: missing (expected ${issue.expected})`;
      return `${where}: ${lowerFirst(issue.message)}`;
    });
    return { ok: false, problems: dedupe(problems) };
  }
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

function checkSchemaVersion(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return '(pack): must be a JSON object';
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === undefined) return `schemaVersion: missing; this app reads pack format version ${PACK_SCHEMA_VERSION}`;
  if (version === PACK_SCHEMA_VERSION) return undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_SCHEMA_VERSION) {
    return `schemaVersion: this pack needs pack format version ${version}; this version of Sourcewise reads version ${PACK_SCHEMA_VERSION}, so update Sourcewise to open it`;
  }
  return `schemaVersion: ${JSON.stringify(version).slice(0, 40)} is not a pack format version; this app reads version ${PACK_SCHEMA_VERSION}`;
}

function crossFieldProblems(pack: Pack): string[] {
  const problems: string[] = [];
  const paragraphs = pack.article.paragraphs;

  const checkRef = (ref: TextRef, path: string) => {
    const paragraph = paragraphs[ref.paragraph];
    if (paragraph === undefined) {
      problems.push(`${path}.paragraph: past the end of the article, which has ${paragraphCount(paragraphs.length)}`);
      return;
    }
    if (paragraph.includes(ref.quote) === false) {
      problems.push(`${path}.quote: not found in paragraph ${ref.paragraph + 1}`);
      return;
    }
    if (ref.end <= ref.start || ref.end > paragraph.length) {
      problems.push(
        `${path}: offsets ${ref.start}..${ref.end} are out of range for paragraph ${ref.paragraph + 1} (${paragraph.length} characters)`,
      );
      return;
    }
    if (paragraph.slice(ref.start, ref.end) !== ref.quote) {
      const at = paragraph.indexOf(ref.quote);
      problems.push(`${path}: offsets ${ref.start}..${ref.end} do not hold the quote (it is at ${at}..${at + ref.quote.length})`);
    }
  };

  const checkCues = (cues: readonly string[], paragraphIndexes: readonly number[], path: string) => {
    const haystack = paragraphIndexes.map((index) => (paragraphs[index] ?? '').toLowerCase()).join('\n');
    cues.forEach((cue, index) => {
      if (!haystack.includes(cue.toLowerCase())) {
        problems.push(`${path}[${index}]: cue "${cue}" is not in ${paragraphNumbers(paragraphIndexes)}`);
      }
    });
  };

  const checkClaim = (claim: Claim, path: string) => {
    checkRef(claim.ref, `${path}.ref`);
    if (claim.source.mention) checkRef(claim.source.mention, `${path}.source.mention`);
    checkCues(claim.cues, [claim.ref.paragraph], `${path}.cues`);
    if (claim.alsoAccept?.includes(claim.label)) {
      problems.push(`${path}.alsoAccept: repeats the claim's own label "${claim.label}"`);
    }
  };

  const checks: PackChecks = {
    paragraphs,
    problem: (text) => problems.push(text),
    ref: checkRef,
    cues: checkCues,
    claim: checkClaim,
    unique: (values, path) => checkUnique(values, path, problems),
    paragraph: (index, path) => {
      if (paragraphs[index] === undefined) {
        problems.push(`${path}: past the end of the article, which has ${paragraphCount(paragraphs.length)}`);
      }
    },
    paragraphNumbers,
  };

  const seen = new Map<string, number>();
  pack.items.forEach((item, index) => {
    const path = `items[${index}]`;
    const earlier = seen.get(item.id);
    if (earlier !== undefined) problems.push(`${path}.id: "${item.id}" is already used by item ${earlier + 1}`);
    else seen.set(item.id, index);

    reportingOf(item.type).check(item, path, checks);
  });
  return problems;
}

function checkUnique(values: readonly (string | number)[], path: string, problems: string[]) {
  const seen = new Set<string | number>();
  values.forEach((value, index) => {
    if (seen.has(value)) problems.push(`${path}[${index}]: "${value}" appears twice`);
    seen.add(value);
  });
}

/** Paragraph indexes as people count them: `paragraph 4`, `paragraphs 1, 3`. */
function paragraphNumbers(indexes: readonly number[]): string {
  return `paragraph${indexes.length === 1 ? '' : 's'} ${indexes.map((index) => index + 1).join(', ')}`;
}

function paragraphCount(count: number): string {
  return `${count} paragraph${count === 1 ? '' : 's'}`;
}

function lowerFirst(message: string): string {
  return message.length > 0 ? message[0]!.toLowerCase() + message.slice(1) : message;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
