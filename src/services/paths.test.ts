// Paths: no file name or id from a pack, a progress file or the UI reaches the file system without
// being checked to stay inside the data folder.
//
// 1. insideDir(), the check itself, against `..`, absolute paths, separators, NUL bytes, drive letters,
//    Windows device names and look-alike characters.
// 2. Every node:fs call in src/services (tests left out) is listed below with where its path comes
//    from. The test parses the sources (TypeScript's own parser) and fails on a call that is not in
//    the list, printing the line to add; a reviewer then checks the reason. A listed call that is gone
//    fails too, so the list stays true.
// 3. The services refuse hostile ids before any path is made.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/errors';
import { exportPack } from './packs/pack-import';
import { ProgressStore } from './store/progress-store';
import { insideDir, isSafeFileName } from './safe-path';

const repo = resolve(import.meta.dirname, '../..');
const DIR = resolve(tmpdir(), 'sourcewise-data');

describe('insideDir', () => {
  it.each([
    ['learners.json'],
    ['0f8fad5b-d9cb-469f-a165-70867728950e.json'],
    ['nk-troops-russia-2024.json'],
    ['.class.json.1234.tmp'],
    ['café.json'],
    ['cafe\u0301.json'],
    ['名前.json'],
    ['x'.repeat(255)],
  ])('accepts %s', (name) => {
    expect(insideDir(DIR, name)).toBe(join(DIR, name));
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot dot', '..'],
    ['a parent path', '../learners.json'],
    ['a deep parent path', '../../../../etc/passwd'],
    ['a sub-folder', 'learners/x.json'],
    ['a trailing slash', 'x/'],
    ['an absolute path', '/etc/passwd'],
    ['an absolute path inside the folder', join(DIR, 'x.json')],
    ['a backslash', '..\\..\\Windows\\win.ini'],
    ['a Windows drive', 'C:\\Windows\\win.ini'],
    ['a drive-relative path', 'C:x.json'],
    ['an alternate data stream', 'x.json:secret'],
    ['a UNC path', '\\\\server\\share\\x.json'],
    ['a NUL byte', 'x.json\u0000.png'],
    ['a newline', 'x\n.json'],
    ['a control character', 'x\u001b.json'],
    ['a trailing dot', 'x.json.'],
    ['a trailing space', 'x.json '],
    ['a device name', 'con'],
    ['a device name with an extension', 'NUL.json'],
    ['a numbered device', 'com1.json'],
    ['a division slash', 'a\u2215b'],
    ['a fraction slash', '..\u2044etc'],
    ['a full-width solidus', '..\uff0fetc'],
    ['a full-width reverse solidus', '..\uff3cetc'],
    ['full-width dots', '\uff0e\uff0e'],
    ['a two-dot leader', '\u2025'],
    ['one-dot leaders', '\u2024\u2024'],
    ['an ellipsis', '\u2026'],
    ['a wildcard', '*.json'],
    ['a question mark', 'x?.json'],
    ['angle brackets', '<x>.json'],
    ['a pipe', 'x|y'],
    ['256 bytes', 'x'.repeat(256)],
    ['128 two-byte characters', 'é'.repeat(128)],
  ])('refuses %s', (_label, name) => {
    expect(insideDir(DIR, name)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['x'], { toString: () => 'x' }]) expect(isSafeFileName(value)).toBe(false);
  });

  it('gives a path directly inside the folder, whatever form the folder is given in', () => {
    expect(insideDir(`${DIR}${sep}`, 'x.json')).toBe(join(DIR, 'x.json'));
    expect(insideDir(join(DIR, 'sub', '..'), 'x.json')).toBe(join(DIR, 'x.json'));
    expect(insideDir(sep, 'x.json')).toBe(join(sep, 'x.json'));
  });
});

// ---------------------------------------------------------------------------------------------------

/** Where the path of each kind of call comes from. */
const DATA = 'the data folder, or a fixed name in it, from the configuration (never from input)';
const LEARNER_ID = 'a learner file: the id is checked to be a UUID (LearnerId) where the path is made';
const DRAFT_ID = 'a draft file: the id is checked to be a UUID (DraftId) in DraftStore.path()';
const INSIDE = 'a name checked by insideDir() (src/services/safe-path.ts)';
const NEXT_TO = 'a temporary, backup or set-aside file next to a path already checked, with a fixed suffix';
const LISTING =
  "a name from the listing of a fixed folder, joined back onto that folder (a listed name is one of the folder's own entries)";
const OPERATOR = 'a path the person running gave (command line, --packs-dir); theirs to choose';
const STATIC =
  'a file of the built renderer: checked to stay inside the renderer folder (normalize + prefix), and its real path to be that same path (no links), before it is read';
const DEV = 'development and test tooling over fixed folders of the repository; never reached from the app';

/** file → `fn(first argument)` → where the path comes from. */
const FS_CALLS: Record<string, Record<string, string>> = {
  'src/services/packs/html-export.ts': {
    'readFile(join(playerDir, PLAYER_SCRIPT))':
      'the built offline player, a fixed file name in the player folder the shell configures (never from input)',
    'readFile(join(playerDir, PLAYER_STYLE))':
      'the built offline player, a fixed file name in the player folder the shell configures (never from input)',
  },
  'src/services/suggest/corpus.ts': {
    'readFileSync(path)': DEV,
    "readFileSync(join(dir, 'articles', `${name}.txt`))": DEV,
  },
  'src/services/suggest/train-main.ts': {
    'writeFileSync(file)': DEV,
  },
  'src/services/reports/class-store.ts': {
    'mkdir(this.dataDir)': DATA,
    'readdir(this.dataDir)': DATA,
    'rm(join(this.dataDir, name))': LISTING,
  },
  'src/services/store/data-lock.ts': {
    'rmSync(path)': DATA,
    'writeFileSync(temp)': NEXT_TO,
    'linkSync(temp, path)': NEXT_TO,
    'rmSync(temp)': NEXT_TO,
    'openSync(path)': DATA,
    'writeSync(fd)': DATA,
    'closeSync(fd)': DATA,
    'readdirSync(dataDir)': DATA,
    'rmSync(join(dataDir, name))': LISTING,
    'statSync(path)': DATA,
    'readFileSync(path)': DATA,
    "readFileSync('/proc/stat')": 'a fixed system file (Linux boot time)',
    'readFileSync(`/proc/${pid}/stat`)': 'a fixed system file of a process id read from the lock file (a number)',
    'readFileSync(`/proc/${pid}/cmdline`)': 'a fixed system file of a process id read from the lock file (a number)',
    'realpathSync(dataDir)': DATA,
  },
  'src/services/store/private-files.ts': {
    'chmod(path)': `${DATA}, or a file just made in it (a copy into backups/ or damaged/)`,
    'lstat(path)': `${DATA}, or ${LISTING}`,
    'readdir(path)': `${DATA}, or ${LISTING}`,
  },
  'src/services/studio/draft-store.ts': {
    'readdir(this.dir)': DATA,
    'rm(path)': DRAFT_ID,
    'stat(db.file.path)': DRAFT_ID,
    'mkdir(this.dir)': DATA,
  },
  'src/services/store/durable-json-file.ts': {
    'readFile(this.path)':
      'the file its owner opened it on (a data-folder file, a learner file or a pack path made by insideDir)',
    'open(temp)': NEXT_TO,
    'rename(temp, path)': NEXT_TO,
    'rm(temp)': NEXT_TO,
    'open(folder)': 'the folder of a path already checked (to flush it)',
  },
  'src/services/fault/fixtures.ts': {
    'readdirSync(folder)': DEV,
    'statSync(path)': DEV,
    'readFileSync(path)': DEV,
  },
  'src/services/packs/pack-import.ts': {
    'mkdir(dir)': DATA,
    'rm(old)': INSIDE,
    'rm(path)': INSIDE,
  },
  'src/services/packs/pack-library.ts': {
    'stat(path)': `${INSIDE}, or a listed name of the packs folder`,
    'readFile(path)': `${INSIDE}, or a listed name of the packs folder`,
    'readdir(dir)': `${DATA}; or exercises/ as shipped, or --packs-dir (${OPERATOR})`,
    'rm(path)': `${LISTING}: a damaged pack of the data folder, removed once copied to damaged/`,
  },
  'src/services/store/progress-journal.ts': {
    'readFile(path)': LEARNER_ID,
    'stat(path)': LEARNER_ID,
    'open(this.path)': LEARNER_ID,
    'truncate(this.path)': LEARNER_ID,
    'stat(this.path)': LEARNER_ID,
  },
  'src/services/store/progress-store.ts': {
    'mkdir(this.learnersDir)': DATA,
    'readdir(this.learnersDir)': DATA,
    'rm(file.journal.path)': LEARNER_ID,
    'rm(file.path)': LEARNER_ID,
    'readFile(`${base}.json`)': LEARNER_ID,
  },
  'src/services/reports/pdf-text.ts': {
    'existsSync(paths[0]!)': 'fonts/<the constant CJK_FONT_FILES> in a folder above the running code: nothing from input',
  },
  'src/services/reports/report-files.ts': {
    'readFile(path)': `a progress file named on the command line (sourcewise report FILE...): ${OPERATOR}`,
  },
  'src/services/store/store-file.ts': {
    'copyFile(file, temp)': NEXT_TO,
    'writeFile(temp)': NEXT_TO,
    'rename(temp, target)': NEXT_TO,
    'readdir(folder)': 'backups/<name of a store file>/, or the data folder',
    'rm(join(folder, name))': LISTING,
    'readFile(path)': DATA,
    'mkdir(folder)': 'backups/<name of a store file>/, or damaged/: fixed folders of the data folder',
    'copyFile(path, `${setAside}.tmp`)': `a store file, a journal or a draft (${DATA}); copied to ${NEXT_TO}`,
    'rename(`${setAside}.tmp`, setAside)': NEXT_TO,
    'rm(path)': DATA,
  },
  'src/services/suggest/evaluate.ts': {
    'readdirSync(dir)': DEV,
    'readFileSync(join(dir, file))': DEV,
    'readFileSync(join(dir, goldFile))': DEV,
  },
  'src/services/http/web-server.ts': {
    'readFile(file)': STATIC,
    'realpath(file)': STATIC,
    'realpath(options.rendererDir)': 'the built renderer folder (fixed by the shell)',
  },
};

const TWO_PATHS = new Set([
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'link',
  'linkSync',
  'symlink',
  'symlinkSync',
  'cp',
  'cpSync',
]);

function servicesSources(): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
    }
  };
  walk(join(repo, 'src/services'));
  return out.sort();
}

/** Every call of a node:fs function (named, namespace or default import; fs and fs/promises) as `fn(path args)`. */
function fsCalls(path: string): { call: string; line: number }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/^(node:)?fs(\/promises)?$/.test(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (clause?.name) namespaces.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) named.set(element.name.text, (element.propertyName ?? element.name).text);
    }
  }
  const calls: { call: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let fn: string | undefined;
      if (ts.isIdentifier(callee)) fn = named.get(callee.text);
      else if (
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        namespaces.has(callee.expression.text)
      ) {
        fn = callee.name.text;
      }
      if (fn !== undefined) {
        const args = node.arguments.slice(0, TWO_PATHS.has(fn) ? 2 : 1).map((arg) => arg.getText(source).replace(/\s+/g, ' '));
        calls.push({ call: `${fn}(${args.join(', ')})`, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    // A node:fs function passed on rather than called (e.g. `.then(readFile)`) would escape the list.
    if (ts.isIdentifier(node) && named.has(node.text) && isValueReference(node)) {
      calls.push({
        call: `${named.get(node.text)} passed as a value`,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** Whether an identifier refers to a binding (not a property name such as `handle.stat`, not the callee itself). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent)) return false;
  if (ts.isCallExpression(parent) && parent.expression === node) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  return true;
}

describe('every node:fs call in src/services has a reviewed path', () => {
  const found = new Map<string, { call: string; line: number }[]>();
  for (const path of servicesSources()) {
    const calls = fsCalls(path);
    if (calls.length > 0) found.set(relative(repo, path).split(sep).join('/'), calls);
  }

  it('finds the calls it is meant to find (the parser sees them)', () => {
    expect(found.get('src/services/packs/pack-import.ts')?.map((c) => c.call)).toContain('rm(old)');
    expect(found.size).toBeGreaterThan(10);
  });

  it('each call is listed with where its path comes from', () => {
    const unlisted: string[] = [];
    for (const [file, calls] of found) {
      for (const { call, line } of calls) {
        if (FS_CALLS[file]?.[call] === undefined) unlisted.push(`${file}:${line}: '${call}': <where the path comes from>,`);
      }
    }
    expect(unlisted, 'node:fs calls whose path nobody has reviewed: add each to FS_CALLS with its reason').toEqual([]);
  });

  it('each listed call still exists (the list stays true)', () => {
    const stale: string[] = [];
    for (const [file, calls] of Object.entries(FS_CALLS)) {
      const present = new Set(found.get(file)?.map((c) => c.call));
      for (const call of Object.keys(calls)) if (!present.has(call)) stale.push(`${file}: ${call}`);
    }
    expect(stale, 'listed node:fs calls that are gone: remove them from FS_CALLS').toEqual([]);
  });

  it('where a name from outside becomes a path, the file makes it with a check', () => {
    const text = (file: string) => readFileSync(join(repo, file), 'utf8');
    // Pack files: named from the validated id, through insideDir.
    expect(text('src/services/packs/pack-import.ts')).toMatch(/from '\.\.\/safe-path'/);
    // Learner files: the id is checked to be a UUID where the path is made.
    expect(text('src/services/store/progress-store.ts')).toMatch(
      /LearnerId\.safeParse\(learnerId\)\.success\)[\s\S]{0,200}join\(this\.learnersDir, `\$\{learnerId\}\.json`\)/,
    );
  });
});

// ---------------------------------------------------------------------------------------------------

describe('the services refuse hostile ids before making a path', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sourcewise-paths-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const HOSTILE = ['../../etc/passwd', '..', '/etc/passwd', 'a/b', 'C:\\x', 'x\u0000', '..\uff0fx', ''];

  it.each(HOSTILE)('ProgressStore refuses the learner id %j', async (id) => {
    const store = new ProgressStore(join(root, 'data'));
    const caught = await store.attempts(id).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(ApiError);
    expect(readdirSync(root).every((name) => name === 'data')).toBe(true);
  });

  it.each(HOSTILE)('exportPack refuses the pack id %j', async (id) => {
    const caught = await exportPack(join(root, 'packs'), id).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe('invalid-input');
  });
});
