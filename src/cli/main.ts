/**
 * `sourcewise`, the command line for instructors and pack authors:
 *   sourcewise validate FILE...      exit 0 when every pack is valid; else one line per problem
 *   sourcewise audit FILE...         what a reviewer would flag in valid packs; exit 0 with "no findings"
 *   sourcewise key FILE [--json]     the answer key; --json prints one JSON object per line
 *   sourcewise suggest FILE [--json] proposed claims with label, cues, source and confidence
 *   sourcewise report FILE... --format csv|pdf|xapi --out PATH [--pack ID]   a class report
 *   sourcewise export-html FILE --out PATH.html   the pack as one HTML file that plays offline
 *   sourcewise export-scorm FILE --out PATH.zip   the pack as a SCORM 1.2 package for a school's LMS
 */
import { parseArgs } from 'node:util';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packHtml, readPlayer, type PlayerFiles } from '../services/packs/html-export';
import { packScormZip } from '../services/packs/scorm-export';
import type { Pack } from '../shared/pack/schema';
import {
  IMPORTED_PACKS_FOLDER,
  PACK_SCHEMA_FILE,
  PackLibrary,
  readPackFile,
  type PackFileResult,
} from '../services/packs/pack-library';
import { buildReport, classDataFrom, readProgressFiles } from '../services/reports/report-files';
import { HTTP_ADDRESS, REPORT_FORMATS, type ReportFormat } from '../shared/report-formats';
import { suggestCommand } from './suggest';
import { answerKey, formatKey } from '../shared/pack/answer-key';
import { auditPack, formatFinding } from '../shared/pack/audit';

const USAGE = `Usage:
  sourcewise validate FILE...     check packs; prints FILE: path.to.field: what is wrong
  sourcewise audit FILE...        flag what a reviewer would: explanations that name no cue or source,
                                  paragraph numbers that point away from the item, cues the guide
                                  gives to another label, a dominant label or answer position, a
                                  level-1 pack using opinion or unconfirmed; prints FILE: items[i] (id): what
  sourcewise key FILE [--json]    print a pack's answer key (--json: one object per line)
  sourcewise suggest FILE [--json]  proposed claims in an article (.txt, .md, .html; up to 5 MB):
                                  label, cues, source and its kind, chain, confidence (--json: one
                                  JSON document). A .txt file's first line is its headline; offsets:
                                  into a .txt file's own characters, for .md and .html into the
                                  text read from it
  sourcewise report FILE|FOLDER... --format ${REPORT_FORMATS.join('|')} --out PATH [--pack ID]
                  [--packs-dir DIR] [--data-dir DIR] [--home-page URL] [--activity-base IRI] [--strict]
                                  a class report from learners' progress files (a folder: its .json
                                  files), named as the app names them after PATH's stem:
                                  STEM-csv.zip (STEM-learners.csv, STEM-attempts.csv, STEM-items.csv),
                                  STEM.pdf, STEM-xapi.json. Packs come from exercises/ (or
                                  --packs-dir) and the app's data folder (--data-dir). Invalid files
                                  are named and skipped; exit 1 if none is valid, or any with --strict.
                                  --format xapi needs --home-page (your LMS's address, which the
                                  learner accounts belong to); activity ids and extension keys go
                                  under --activity-base (default: --home-page)
  sourcewise export-html FILE --out PATH.html
                                  the pack as one self-contained HTML file that plays offline in
                                  any browser; learners download their progress file from it
  sourcewise export-scorm FILE --out PATH.zip
                                  the pack as a SCORM 1.2 package to upload to a school's LMS
                                  (Moodle, Canvas, Blackboard): the same player, which reports
                                  score, pass or fail, time and each answer to the LMS
  sourcewise --version`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Where the command finds what was built beside it; tests pass their own. */
export interface CliPaths {
  /** The built one-file player (`out/player/`). */
  playerDir: string;
}

const BUILT_PATHS: CliPaths = { playerDir: join(import.meta.dirname, '../player') };

export async function runCli(argv: readonly string[], io: CliIo, paths: CliPaths = BUILT_PATHS): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        pack: { type: 'string' },
        'packs-dir': { type: 'string' },
        'data-dir': { type: 'string' },
        'home-page': { type: 'string' },
        'activity-base': { type: 'string' },
        strict: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`sourcewise: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(__APP_VERSION__);
    return 0;
  }
  const [command, ...files] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'validate':
      return validate(files, io);
    case 'audit':
      return audit(files, io);
    case 'key':
      return key(files, values.json === true, io);
    case 'report':
      return report(files, values, io);
    case 'suggest':
      return suggestCommand(files, values.json === true, io);
    case 'export-html':
      return exportPlayer('export-html', 'PATH.html', (pack, player) => packHtml(pack, player), files, values.out, paths, io);
    case 'export-scorm':
      return exportPlayer('export-scorm', 'PATH.zip', (pack, player) => packScormZip(pack, player), files, values.out, paths, io);
    default:
      io.err(`sourcewise: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

async function validate(files: string[], io: CliIo): Promise<number> {
  const found = await printForEachPack('validate', files, io, (file, result) =>
    result.ok ? [] : result.problems.map((problem) => `${file}: ${problem}`),
  );
  return found === undefined ? 2 : found ? 1 : 0;
}

async function audit(files: string[], io: CliIo): Promise<number> {
  const found = await printForEachPack('audit', files, io, (file, result) =>
    // An invalid pack is reported as validate reports it: its findings would rest on broken fields.
    result.ok
      ? auditPack(result.pack).map((finding) => formatFinding(file, finding))
      : result.problems.map((problem) => `${file}: ${problem}`),
  );
  if (found === undefined) return 2;
  if (!found) io.out('no findings');
  return found ? 1 : 0;
}

/**
 * Reads each named pack file and prints the lines `linesFor` makes of it: whether any line was printed,
 * or undefined (after the usage) when no file was named.
 */
async function printForEachPack(
  command: string,
  files: string[],
  io: CliIo,
  linesFor: (file: string, result: PackFileResult) => string[],
): Promise<boolean | undefined> {
  if (files.length === 0) {
    io.err(`sourcewise ${command}: name at least one pack file\n${USAGE}`);
    return undefined;
  }
  let found = false;
  for (const file of files) {
    // `sourcewise validate exercises/*.json` also names the published JSON Schema, which is not a pack.
    if (basename(file) === PACK_SCHEMA_FILE) continue;
    const lines = linesFor(file, await readPackFile(file));
    found ||= lines.length > 0;
    for (const line of lines) io.out(line);
  }
  return found;
}

async function key(files: string[], json: boolean, io: CliIo): Promise<number> {
  if (files.length !== 1) {
    io.err(`sourcewise key: name exactly one pack file\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  const result = await readPackFile(file);
  if (!result.ok) {
    for (const problem of result.problems) io.err(`${file}: ${problem}`);
    return 1;
  }
  const rows = answerKey(result.pack);
  if (json) for (const row of rows) io.out(JSON.stringify(row));
  else io.out(formatKey(result.pack, rows));
  return 0;
}

async function report(
  files: string[],
  options: {
    format?: string | undefined;
    out?: string | undefined;
    pack?: string | undefined;
    'packs-dir'?: string | undefined;
    'data-dir'?: string | undefined;
    'home-page'?: string | undefined;
    'activity-base'?: string | undefined;
    strict?: boolean | undefined;
  },
  io: CliIo,
): Promise<number> {
  const format = options.format;
  if (files.length === 0 || !options.out || !isReportFormat(format)) {
    io.err(
      `sourcewise report: name progress files or folders, --format ${REPORT_FORMATS.slice(0, -1).join(', ')} or ${REPORT_FORMATS.at(-1)}, and --out PATH\n${USAGE}`,
    );
    return 2;
  }
  const homePage = options['home-page'];
  const activityBase = options['activity-base'];
  if (format === 'xapi' && homePage === undefined) {
    io.err(
      `sourcewise report: --format xapi needs --home-page URL, the address of your LMS or school (such as https://lms.school.example)`,
    );
    return 2;
  }
  if (
    (homePage !== undefined && !HTTP_ADDRESS.test(homePage)) ||
    (activityBase !== undefined && !HTTP_ADDRESS.test(activityBase))
  ) {
    io.err(`sourcewise report: --home-page and --activity-base must be http:// or https:// addresses`);
    return 2;
  }
  // --out names the stem; each file's ending is the app's own, so both name a report's files alike.
  const out = resolve(options.out);
  const outProblem = await outputProblem(out);
  if (outProblem) {
    io.err(`sourcewise report: --out ${options.out}: ${outProblem}`);
    return 2;
  }
  const { files: progress, problems } = await readProgressFiles(await progressPaths(files));
  // As the app does: invalid files are named and skipped, the rest make the report.
  for (const problem of problems) io.err(problem);
  if (progress.length === 0 || (problems.length > 0 && options.strict === true)) {
    io.err(
      `sourcewise report: no report written: ${progress.length === 0 ? 'no valid progress file' : 'some files are unreadable or invalid (--strict)'}`,
    );
    return 1;
  }
  if (problems.length > 0) io.err(`sourcewise report: the files above were skipped`);
  const packsDir = options['packs-dir'] ? resolve(options['packs-dir']) : join(import.meta.dirname, '../../exercises');
  const dataDir = options['data-dir'] ? resolve(options['data-dir']) : undefined;
  const { packs } = await new PackLibrary(
    packsDir,
    dataDir === undefined ? undefined : join(dataDir, IMPORTED_PACKS_FOLDER),
  ).load();
  if (options.pack && !progress.some((file) => file.attempts.some((attempt) => attempt.packId === options.pack))) {
    io.err(`sourcewise report: no attempt in these files is from pack "${options.pack}"`);
    return 1;
  }
  const data = classDataFrom(progress, packs, __APP_VERSION__, new Date());
  const known = new Set(packs.map((pack) => pack.id));
  const missing = [...new Set(progress.flatMap((file) => file.attempts.map((attempt) => attempt.packId)))].filter(
    (id) => !known.has(id) && (!options.pack || id === options.pack),
  );
  for (const id of missing.sort()) {
    io.err(
      `sourcewise report: pack "${id}" is not in ${packsDir}${dataDir === undefined ? '' : ` or ${dataDir}`}: its title is its id, and it has no items or completed rounds in the report (give --packs-dir or --data-dir)`,
    );
  }
  const stem = out.slice(0, out.length - extname(out).length);
  const outputs = await buildReport(
    data,
    format,
    { homePage, activityBase, ...(options.pack ? { packId: options.pack } : {}) },
    basename(stem),
  );
  for (const { suffix, content } of outputs) {
    const path = `${stem}${suffix}`;
    try {
      await writeFile(path, content);
    } catch (error) {
      io.err(`sourcewise report: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return 1;
    }
    io.out(`wrote ${path}`);
  }
  return 0;
}

/** Why the report cannot be written at `out`, in a line; '' when it can (as far as can be told before writing). */
async function outputProblem(out: string): Promise<string> {
  const folder = dirname(out);
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined) return `the folder ${folder} does not exist`;
  if (!info.isDirectory()) return `${folder} is not a folder`;
  if ((await stat(out).catch(() => undefined))?.isDirectory())
    return 'is a folder: give a file name to start the report files with, such as class.csv';
  return '';
}

/** The progress files named, with each folder named replaced by the .json files in it (not its subfolders). */
async function progressPaths(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
      found.push(...names.map((name) => join(path, name)));
    } else {
      found.push(path);
    }
  }
  return found;
}

/** One pack put into the built player, as export-html's page or export-scorm's package. */
async function exportPlayer(
  command: string,
  outName: string,
  build: (pack: Pack, player: PlayerFiles) => string | Uint8Array,
  files: string[],
  out: string | undefined,
  paths: CliPaths,
  io: CliIo,
): Promise<number> {
  if (files.length !== 1 || !out) {
    io.err(`sourcewise ${command}: name exactly one pack file and --out ${outName}\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  const result = await readPackFile(file);
  if (!result.ok) {
    for (const problem of result.problems) io.err(`${file}: ${problem}`);
    return 1;
  }
  const path = resolve(out);
  try {
    await writeFile(path, build(result.pack, await readPlayer(paths.playerDir)));
  } catch (error) {
    io.err(`sourcewise ${command}: ${(error as Error).message}`);
    return 1;
  }
  io.out(`wrote ${path}`);
  return 0;
}

function isReportFormat(format: string | undefined): format is ReportFormat {
  return (REPORT_FORMATS as readonly (string | undefined)[]).includes(format);
}

// Run as a script (`node out/main/cli.js ...`) as well as through bin/sourcewise.js, which imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
