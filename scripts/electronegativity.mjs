#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's scanner for Electron misconfigurations) over the Electron code
 * (`electron/`, tests left out) and the built app (`out/`), offline. Part of `npm test`, after the
 * build. Fails on any finding that is not suppressed in SUPPRESSIONS below, each with its reason, on
 * any file it could not parse, on a suppression that no longer matches anything, and on an inline
 * `eng-disable` comment anywhere (suppressions live here, in one place, or nowhere).
 *
 *   node scripts/electronegativity.mjs               electron/ and out/, with the suppressions
 *   node scripts/electronegativity.mjs --out DIR     another build folder instead of out/
 *   node scripts/electronegativity.mjs --only DIR --json
 *                                                     one folder, no suppressions, findings as JSON
 *                                                     (what electron/main/security.test.ts uses)
 *
 * Offline: the one check that needs the network (AvailableSecurityFixesGlobalCheck, which downloads
 * Electron's release notes from GitHub) is excluded, and the HTTP client the tool loads (`got`, also
 * used to fetch translations) is replaced by one that fails at once, so no run ever waits on a
 * network that is not there. A watchdog ends the run if it still takes too long.
 *
 * Parsing: Electronegativity's JavaScript path (esprima, then Babel with eslint-scope) does not know
 * class private fields, which the minified renderer bundle uses. A file its JavaScript path cannot
 * parse is scanned through its TypeScript path (Babel with the TypeScript plugin), which does; the
 * run says which files went that way. `.cjs` and `.mjs` files are scanned as `.js` (the tool only
 * lists `.js`). A file neither path can parse fails the run: nothing goes unscanned silently.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Checks not run, with the reason. Only the one that needs the network. */
export const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck:
    'downloads the list of Electron releases from GitHub; the build runs offline. The Electron version is pinned in ' +
    'package.json and updated by hand (docs/security.md, "Use a current version of Electron").',
};

const FROM_WINDOW_OPTIONS =
  'The window options come from windowOptions() in electron/main/security.ts; the scanner reads only an object ' +
  'literal written at the `new BrowserWindow(...)` call. electron/main/security.test.ts checks those options and ' +
  'runs this scanner over them written out as a literal ("Electronegativity finds nothing in the real window options").';

/**
 * The findings that are understood and accepted. Each matches a check, a file (relative to the repository)
 * and the source line of the finding, so a suppression never covers a new finding elsewhere.
 */
export const SUPPRESSIONS = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: /^(electron\/main\/index\.ts|out\/main\/index\.js)$/,
    line: /new BrowserWindow\(windowOptions\(/,
    reason: FROM_WINDOW_OPTIONS,
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: /^(electron\/main\/index\.ts|out\/main\/index\.js)$/,
    line: /new BrowserWindow\(windowOptions\(/,
    reason: FROM_WINDOW_OPTIONS,
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: /^(electron\/main\/index\.ts|out\/main\/index\.js)$/,
    line: /new BrowserWindow\(windowOptions\(/,
    reason: `${FROM_WINDOW_OPTIONS} They set disableBlinkFeatures: 'Auxclick'.`,
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: /^out\/renderer\/index\.html$/,
    // Only the "may be weak" reading (FIRM) of a policy with no unsafe source, remote origin or wildcard.
    confidence: 'FIRM',
    line: /^(?!.*(?:'unsafe-|https?:|\*)).*\bscript-src 'self';/,
    reason:
      "The CSP evaluator warns that script-src 'self' can be abused by a site that also hosts JSONP endpoints, " +
      'Angular templates or uploaded files. The app serves none of these: its pages and scripts are its own built ' +
      'files, and packs and progress files are data shown as text, never served as scripts. The policy has no ' +
      "'unsafe-inline', 'unsafe-eval' or remote origin (docs/security.md, \"Define a Content Security Policy\").",
  },
];

const WATCHDOG_MS = 120_000;
const SCANNED = new Set(['.js', '.cjs', '.mjs', '.ts', '.html', '.htm']);

function toolRequire() {
  const require = createRequire(join(root, 'package.json'));
  const base = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const fromTool = createRequire(join(base, 'dist', 'runner.js'));
  // No request is ever made: every one is answered at once with "unavailable", so translations stay
  // the English shipped with the tool, and anything else that asks gets no data.
  const offline = () => Promise.resolve({ statusCode: 503, headers: {}, body: '' });
  offline.head = offline;
  offline.default = offline;
  for (const name of ['got']) {
    const path = fromTool.resolve(name);
    fromTool.cache[path] = { id: path, filename: path, loaded: true, exports: offline, children: [], paths: [] };
  }
  const interop = (module) => module.default ?? module;
  return {
    run: interop(fromTool(join(base, 'dist', 'runner.js'))),
    Parser: fromTool(join(base, 'dist', 'parser')).Parser,
    electronVersion: JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version,
  };
}

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/**
 * Copies the files to scan into a temporary folder laid out like the repository (`electron/…`, `out/…`),
 * under names and extensions the tool reads. Returns the folder and, per staged file, its real path.
 */
function stage(sources, Parser) {
  const dir = mkdtempSync(join(tmpdir(), 'sourcewise-electronegativity-'));
  const realName = new Map();
  const viaTypeScript = [];
  const unparsable = [];
  const inlineDisables = [];
  const parser = new Parser(false, true);
  for (const { from, as, skip } of sources) {
    for (const file of filesUnder(from)) {
      const ext = extname(file);
      if (!SCANNED.has(ext) || skip?.(file)) continue;
      const rel = join(as, relative(from, file)).split(sep).join('/');
      const content = readFileSync(file);
      if (/(?:\/\*|\/\/|<!--)[ \t]*eng-disable/.test(content.toString('utf8'))) inlineDisables.push(rel);
      let stagedRel = ext === '.cjs' || ext === '.mjs' ? `${rel}.js` : rel;
      if (/\.(c|m)?js$/.test(stagedRel) && !parses(parser, stagedRel, content)) {
        stagedRel = `${stagedRel}.ts`;
        if (parses(parser, stagedRel, content)) viaTypeScript.push(rel);
        else unparsable.push(rel);
      }
      const target = join(dir, stagedRel);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      realName.set(stagedRel, rel);
    }
  }
  return { dir, realName, viaTypeScript, unparsable, inlineDisables };
}

/** Whether the tool can parse the file under this name and walk its tree as its checks will. */
function parses(parser, name, content) {
  try {
    const [, data] = parser.parse(name, content);
    if (data?.astParser) {
      const visit = (phase) => (node) => data.Scope.updateFunctionScope(data.astParser.getNode(node), phase);
      data.astParser.traverseTree(data, { enter: visit('enter'), leave: visit('leave') });
    }
    return true;
  } catch {
    return false;
  }
}

/** Runs the scan over the sources; returns every finding (not yet suppressed) and every file that failed. */
export async function scan(sources) {
  const tool = toolRequire();
  const staged = stage(sources, tool.Parser);
  try {
    const result = await tool.run(
      {
        input: staged.dir,
        isRelative: true,
        excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((name) => name.toLowerCase()),
        electronVersionOverride: tool.electronVersion,
      },
      false,
    );
    const findings = result.issues.map((issue) => {
      const file = issue.file === 'N/A' ? 'N/A' : (staged.realName.get(issue.file.split(sep).join('/')) ?? issue.file);
      return {
        check: issue.id,
        file,
        line: issue.location.line,
        column: issue.location.column,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
        sample: (issue.sample ?? '').trim(),
        url: issue.shortenedURL,
      };
    });
    const errors = [
      ...result.errors
        .filter((error) => !error.tolerable)
        .map((error) => ({
          file: staged.realName.get(relative(staged.dir, error.file).split(sep).join('/')),
          message: error.message,
        })),
      ...staged.unparsable.map((file) => ({ file, message: 'neither the JavaScript nor the TypeScript parser could read it' })),
      ...staged.inlineDisables.map((file) => ({
        file,
        message: 'has an inline eng-disable comment: suppress in scripts/electronegativity.mjs instead',
      })),
    ];
    return {
      checks: result.globalChecks + result.atomicChecks,
      electronVersion: tool.electronVersion,
      findings,
      errors,
      viaTypeScript: staged.viaTypeScript,
    };
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}

/**
 * What Electronegativity does not look at in the built pages: every page carries the CSP as a
 * `<meta>` tag (Electron loads files without headers), and every `src` and `href` is the app's own
 * file (no scheme, no `//host`): a remote script or style would be refused by the CSP at run time, so
 * the build refuses it here first.
 */
export function pageProblems(dir) {
  const problems = [];
  for (const file of filesUnder(dir).filter((path) => /\.html?$/.test(path))) {
    const name = relative(root, file).split(sep).join('/');
    const html = readFileSync(file, 'utf8');
    if (!/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]+"/i.test(html)) {
      problems.push({ file: name, message: 'has no Content-Security-Policy <meta> tag' });
    }
    for (const [, attribute, value] of html.matchAll(/\s(src|href|srcset|action|formaction|data)\s*=\s*["']?([^"'\s>]*)/gi)) {
      if (/^([a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(value.trim())) {
        problems.push({
          file: name,
          message: `loads ${attribute}="${value.slice(0, 100)}": only the app's own files may be loaded`,
        });
      }
    }
  }
  return problems;
}

/** Splits findings into suppressed (with the suppression) and open ones, and finds unused suppressions. */
export function applySuppressions(findings, suppressions = SUPPRESSIONS) {
  const used = new Set();
  const open = [];
  const suppressed = [];
  for (const finding of findings) {
    const match = suppressions.find(
      (s) =>
        s.check === finding.check &&
        s.file.test(finding.file) &&
        s.line.test(finding.sample ?? '') &&
        (s.confidence === undefined || s.confidence === finding.confidence),
    );
    if (match) {
      used.add(match);
      suppressed.push({ finding, reason: match.reason });
    } else {
      open.push(finding);
    }
  }
  return { open, suppressed, unused: suppressions.filter((s) => !used.has(s)) };
}

function describe(finding) {
  return `${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}:${finding.column}\n    ${finding.description}\n    ${finding.url}${finding.sample ? `\n    > ${finding.sample.slice(0, 160)}` : ''}`;
}

function option(args, name) {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a folder`);
  return value;
}

async function main(args) {
  const only = option(args, '--only');
  if (only !== undefined) {
    const result = await scan([{ from: only, as: '.' }]);
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else for (const finding of result.findings) console.log(describe(finding));
    return result.findings.length === 0 && result.errors.length === 0 ? 0 : 1;
  }

  const out = option(args, '--out') ?? join(root, 'out');
  if (!existsSync(join(out, 'main', 'index.js'))) {
    console.error(`electronegativity: ${out} holds no build (out/main/index.js is missing): run npm run build first`);
    return 1;
  }
  const started = Date.now();
  const result = await scan([
    { from: join(root, 'electron'), as: 'electron', skip: (file) => /\.test\.ts$/.test(file) },
    { from: out, as: 'out' },
  ]);
  result.errors.push(...pageProblems(out));
  const { open, suppressed, unused } = applySuppressions(result.findings);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `electronegativity: ${result.checks} checks, Electron ${result.electronVersion}, over electron/ and ${relative(root, out) || out}/ ` +
      `in ${seconds} s (left out: ${Object.keys(EXCLUDED_CHECKS).join(', ')}, which needs the network)`,
  );
  if (result.viaTypeScript.length > 0) {
    console.log(`  read with the TypeScript parser (modern syntax): ${result.viaTypeScript.join(', ')}`);
  }
  for (const { finding, reason } of suppressed) {
    console.log(`  suppressed ${finding.check} at ${finding.file}:${finding.line}: ${reason.split('. ')[0]}.`);
  }
  let failed = false;
  for (const error of result.errors) {
    failed = true;
    console.error(`  error: ${error.file}: ${error.message}`);
  }
  for (const suppression of unused) {
    failed = true;
    console.error(`  stale suppression: ${suppression.check} in ${suppression.file} matched nothing; remove it`);
  }
  for (const finding of open) {
    failed = true;
    console.error(`  finding: ${describe(finding)}`);
  }
  if (failed) {
    console.error(
      `electronegativity: FAILED (${open.length} findings, ${result.errors.length} errors, ${unused.length} stale suppressions)`,
    );
    return 1;
  }
  console.log(
    `electronegativity: no findings (${suppressed.length} suppressed, each with its reason in scripts/electronegativity.mjs)`,
  );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const watchdog = setTimeout(() => {
    console.error(`electronegativity: no answer after ${WATCHDOG_MS / 1000} s; stopping`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`electronegativity: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
