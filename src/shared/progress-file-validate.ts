/**
 * Validates an untrusted progress file (the text a learner exported, given to the instructor's app):
 * its size, its JSON, that it is a progress file of a format this app reads, its shape (the zod
 * schema in `progress-file.ts`), then the rules across fields that a schema cannot express. Every
 * problem is one line, `path.to.field: what is wrong`, like a pack's; nothing is thrown for bad input.
 *
 * Also generates the published JSON Schema (`docs/progress.schema.json`) from the same zod schema.
 */
import { z } from 'zod';
import { formatPath } from './errors';
import { nestingDepth } from './json-depth';
import { PACK_SCHEMA_VERSION } from './pack/schema';
import { MAX_PROGRESS_FILE_BYTES, PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION, ProgressFile } from './progress-file';

export type ProgressFileValidation = { ok: true; file: ProgressFile } | { ok: false; problems: string[] };

/** At most this many problem lines per file; the last one says how many more there were. */
export const MAX_PROBLEMS = 50;
/** A problem line longer than this (a huge hostile key, say) is cut. */
const MAX_PROBLEM_CHARS = 300;

/** Parses and validates the text of a progress file. Never throws. */
/** Deeper than any progress file (its deepest part, an answer, is a few levels down). */
export const MAX_PROGRESS_DEPTH = 64;

export function parseProgressFile(text: string, maxBytes: number = MAX_PROGRESS_FILE_BYTES): ProgressFileValidation {
  try {
    const bytes = utf8Length(text, maxBytes);
    if (bytes > maxBytes) {
      return fail([`(file): larger than the ${maxBytes}-byte limit for a progress file`]);
    }
    // Editors on Windows may save a byte order mark in front of the JSON.
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (json.trim() === '') return fail(['(file): empty; a progress file is a JSON object']);
    // Before parsing, as for packs: a hostile file nested deep would make parsing and validating crawl.
    if (nestingDepth(json, MAX_PROGRESS_DEPTH) > MAX_PROGRESS_DEPTH) {
      return fail([`(file): nested more than ${MAX_PROGRESS_DEPTH} levels deep; a progress file is never this deep`]);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (error) {
      return fail([`(file): not valid JSON${jsonErrorPlace(json, error)} (${parserMessage(error)})`]);
    }
    return validateProgressFile(raw);
  } catch (error) {
    // Nothing above should throw; if the runtime does (out of stack, say), the file is still refused cleanly.
    return fail([`(file): could not be checked (${error instanceof Error ? error.name : 'error'})`]);
  }
}

/** Validates an already parsed value as a progress file: kind and version, shape, cross-field rules. */
export function validateProgressFile(raw: unknown): ProgressFileValidation {
  const kindProblem = checkKindAndVersion(raw);
  if (kindProblem) return fail([kindProblem]);

  const parsed = ProgressFile.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const where = formatPath(issue.path) || '(file)';
        if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: missing (expected ${issue.expected})`;
        return `${where}: ${lowerFirst(issue.message)}`;
      }),
    );
  }
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? fail(problems) : { ok: true, file: parsed.data };
}

function checkKindAndVersion(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `(file): not a Sourcewise progress file (it must be a JSON object with "kind": "${PROGRESS_FILE_KIND}")`;
  }
  const record = raw as Record<string, unknown>;
  const kind = Object.hasOwn(record, 'kind') ? record.kind : undefined;
  if (kind !== PROGRESS_FILE_KIND) {
    if (kind === undefined && looksLikePack(record)) {
      return '(file): this is a Sourcewise pack (exercises), not a progress file; a learner makes a progress file with "Export progress"';
    }
    const what = kind === undefined ? 'missing' : `${quote(kind)} is not "${PROGRESS_FILE_KIND}"`;
    return `kind: ${what}; this is not a Sourcewise progress file`;
  }
  const version = Object.hasOwn(record, 'schemaVersion') ? record.schemaVersion : undefined;
  if (version === PROGRESS_FILE_VERSION) return undefined;
  if (version === undefined) {
    return `schemaVersion: missing; this app reads progress format version ${PROGRESS_FILE_VERSION}`;
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_FILE_VERSION) {
    return `schemaVersion: this progress file uses format version ${version}; this version of Sourcewise reads version ${PROGRESS_FILE_VERSION}, so update Sourcewise to import it`;
  }
  return `schemaVersion: ${quote(version)} is not a progress format version; this app reads version ${PROGRESS_FILE_VERSION}`;
}

function looksLikePack(record: Record<string, unknown>): boolean {
  return (
    record.schemaVersion === PACK_SCHEMA_VERSION &&
    Object.hasOwn(record, 'items') &&
    (Object.hasOwn(record, 'article') || Object.hasOwn(record, 'meta'))
  );
}

/** A date and time with its offset, as `Date.prototype.toISOString()` writes it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_PROBLEM = 'must be a date and time such as 2026-11-26T18:25:53.123Z';

export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function crossFieldProblems(file: ProgressFile): string[] {
  const problems: string[] = [];
  if (!isDateTime(file.exportedAt)) problems.push(`exportedAt: ${DATE_TIME_PROBLEM}`);

  const packs = new Map<string, number>();
  file.packs.forEach((pack, index) => {
    const earlier = packs.get(pack.id);
    if (earlier !== undefined) problems.push(`packs[${index}].id: "${pack.id}" is already listed as packs[${earlier}]`);
    else packs.set(pack.id, index);
  });

  const ids = new Map<string, number>();
  file.attempts.forEach((attempt, index) => {
    const path = `attempts[${index}]`;
    if (attempt.id === '') problems.push(`${path}.id: must not be empty`);
    else {
      const earlier = ids.get(attempt.id);
      if (earlier !== undefined) problems.push(`${path}.id: ${quote(attempt.id)} is already used by attempts[${earlier}]`);
      else ids.set(attempt.id, index);
    }
    if (attempt.learnerId !== file.learner.id) {
      problems.push(`${path}.learnerId: "${attempt.learnerId}" is not this file's learner (learner.id is "${file.learner.id}")`);
    }
    if (!packs.has(attempt.packId)) problems.push(`${path}.packId: "${attempt.packId}" is not listed in packs`);
    if (!isDateTime(attempt.answeredAt)) problems.push(`${path}.answeredAt: ${DATE_TIME_PROBLEM}`);
    if (attempt.answer.type !== attempt.itemType) {
      problems.push(`${path}.answer.type: "${attempt.answer.type}" does not match itemType "${attempt.itemType}"`);
    }
  });
  return problems;
}

function fail(problems: string[]): { ok: false; problems: string[] } {
  const unique = [...new Set(problems)].map((line) =>
    line.length > MAX_PROBLEM_CHARS ? `${line.slice(0, MAX_PROBLEM_CHARS - 1)}…` : line,
  );
  if (unique.length <= MAX_PROBLEMS) return { ok: false, problems: unique };
  const shown = unique.slice(0, MAX_PROBLEMS - 1);
  return { ok: false, problems: [...shown, `(file): and ${unique.length - shown.length} more problems`] };
}

/** The UTF-8 length of a string, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The parser's own words, without the " (line L column C)" that newer Node adds: the place is said once, by us. */
function parserMessage(error: unknown): string {
  return (error as Error).message.replace(/ \(line \d+ column \d+\)$/, '');
}

/** ` at line L, column C` when the parser's message gives a position. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return '';
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? typeof value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function lowerFirst(message: string): string {
  return message.length > 0 ? message[0]!.toLowerCase() + message.slice(1) : message;
}

export const PROGRESS_JSON_SCHEMA_TITLE = `Sourcewise progress file, format version ${PROGRESS_FILE_VERSION}`;

export const PROGRESS_JSON_SCHEMA_DESCRIPTION =
  'A Sourcewise progress file: one learner and every answer they gave, exported by the learner and imported by an ' +
  'instructor. This schema checks the shape; the rules across fields (every attempt belongs to the file’s learner ' +
  'and to a listed pack, attempt ids are unique, dates are ISO 8601 date-times) are checked on import. ' +
  'The format is documented in docs/progress-format.md.';

/**
 * The JSON Schema (draft 2020-12) for the input a progress file may contain, generated from the zod
 * schema. Deterministic, with `$schema`, `title` and `description` first.
 */
export function progressJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ProgressFile, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'inline',
  }) as Record<string, unknown>;
  return { $schema, title: PROGRESS_JSON_SCHEMA_TITLE, description: PROGRESS_JSON_SCHEMA_DESCRIPTION, ...rest };
}
