/**
 * `sourcewise`, the command line for instructors and pack authors:
 *   sourcewise validate FILE...      exit 0 when every pack is valid; else one line per problem
 *   sourcewise key FILE [--json]     the answer key; --json prints one JSON object per line
 */
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { PACK_SCHEMA_FILE, readPackFile } from '../services/pack-library';
import { answerKey, formatKey } from '../shared/pack/answer-key';

const USAGE = `Usage:
  sourcewise validate FILE...     check packs; prints FILE: path.to.field: what is wrong
  sourcewise key FILE [--json]    print a pack's answer key (--json: one object per line)
  sourcewise --version`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
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
    case 'key':
      return key(files, values.json === true, io);
    default:
      io.err(`sourcewise: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

async function validate(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.err(`sourcewise validate: name at least one pack file\n${USAGE}`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    // `sourcewise validate exercises/*.json` also names the published JSON Schema, which is not a pack.
    if (basename(file) === PACK_SCHEMA_FILE) continue;
    const result = await readPackFile(file);
    if (result.ok) continue;
    failed = true;
    for (const problem of result.problems) io.out(`${file}: ${problem}`);
  }
  return failed ? 1 : 0;
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
