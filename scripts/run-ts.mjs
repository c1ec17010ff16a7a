#!/usr/bin/env node
// Runs one TypeScript entry point with Node: bundles it with rolldown beside the entry (packages stay
// external, so wink-nlp and its model load from node_modules, and import.meta.dirname is the entry's
// folder), imports the bundle, then deletes it. For the corpus scripts
// (`npm run eval:suggest`, `npm run train:suggest`), which need no build of the app.
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
const file = join(dirname(resolve(entry)), `.${basename(entry, '.ts')}.${process.pid}.mjs`);
try {
  const bundle = await rolldown({
    input: resolve(entry),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:/.test(id),
  });
  await bundle.write({ file, format: 'esm' });
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(file).href);
} finally {
  rmSync(file, { force: true });
}
