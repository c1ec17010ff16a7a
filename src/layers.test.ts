// The layer rule in eslint.config.js must actually bite: lint forbidden and allowed imports in each
// layer, by every way a module can be loaded (import, import(), export ... from), in .ts and .svelte.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

// ESLint loads the config and its plugins (typescript-eslint, the Svelte compiler) on first use: seconds
// of one-off set-up on a busy machine, done here rather than inside whichever case happens to run first.
beforeAll(async () => {
  await eslint.calculateConfigForFile(join(root, 'src/renderer/App.svelte'));
}, 60_000);

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layers/allowed-imports' || message.fatal)
    .map((message) => message.message);
}

describe('what each layer may import', () => {
  const cases: [string, string, boolean][] = [
    ['src/shared/x.ts', "import { readFile } from 'node:fs';", true],
    ['src/shared/x.ts', "import { readFile } from 'fs';", true],
    ['src/shared/x.ts', "import { Backend } from '../services/backend';", true],
    ['src/shared/x.ts', "const backend = import('../services/backend');", true],
    ['src/shared/x.ts', "export { Backend } from '../services/backend';", true],
    ['src/shared/x.ts', "export * from 'node:fs';", true],
    ['src/shared/x.ts', "import { z } from 'zod';", false],
    ['src/shared/x.ts', "export { Id } from './pack/schema';", false],
    ['src/shared/x.test.ts', "import { readFileSync } from 'node:fs';", false],
    ['src/services/x.ts', "import { app } from 'electron';", true],
    ['src/services/x.ts', "const electron = import('electron');", true],
    ['src/services/x.ts', "import { backend } from '../renderer/lib/backend';", true],
    ['src/services/x.ts', "import { readFile } from 'node:fs';", false],
    ['src/services/x.ts', "const pdf = import('./reports/report-pdf');", false],
    ['src/services/x.ts', 'const name = "pdfkit";\nconst pdf = import(name);', true],
    ['src/renderer/x.ts', "import { readFile } from 'node:fs';", true],
    ['src/renderer/x.ts', "import { Backend } from '../services/backend';", true],
    ['src/renderer/x.ts', "const backend = import('../services/backend');", true],
    ['src/renderer/x.ts', "export { Backend } from '../services/backend';", true],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';", true],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract';", true],
    ['src/renderer/x.ts', "import { type Api } from '../shared/contract';", true],
    ['src/renderer/x.ts', "const contract = import('../shared/contract');", true],
    ['src/renderer/x.ts', "export { contract } from '../shared/contract';", true],
    ['src/renderer/x.ts', "export * from '../shared/contract';", true],
    ['src/renderer/x.ts', "import { Pack } from '../shared/pack/schema';", true],
    ['src/renderer/x.ts', "import { z } from 'zod';", true],
    ['src/renderer/x.ts', "import type { Api } from '../shared/contract';", false],
    ['src/renderer/x.ts', "export type { Api } from '../shared/contract';", false],
    ['src/renderer/x.ts', "import type { Pack } from '../shared/pack/schema';", false],
    ['src/renderer/x.ts', "import { LABELS } from '../shared/pack/vocabulary';", false],
    ['src/renderer/x.ts', "import { reportingOf } from '../shared/exercises/reporting';", true],
    ['src/renderer/x.ts', "import { kindOf } from '../shared/exercises/registry';", false],
    ['src/renderer/x.ts', "import { mount } from 'svelte';", false],
    ['src/renderer/x.test.ts', "import { readFileSync } from 'node:fs';", false],
    ['src/renderer/lib/testing/x.ts', "import { readFileSync } from 'node:fs';", false],
    ['src/standalone/x.ts', "import { Backend } from '../services/backend';", true],
    ['src/standalone/x.ts', "import { readFile } from 'node:fs';", true],
    ['src/standalone/x.ts', "import { Pack } from '../shared/pack/schema';", true],
    ['src/standalone/x.ts', "import { PlayerState } from '../renderer/screens/player.svelte';", false],
    ['src/standalone/x.ts', "import { scoreAnswer } from '../shared/scoring';", false],
    ['src/services/x.ts', "import { LocalApi } from '../standalone/local-api';", true],
    ['src/renderer/x.ts', "import { LocalApi } from '../standalone/local-api';", true],
    ['electron/preload/x.ts', "import { Backend } from '../../src/services/backend';", true],
    ['electron/preload/x.ts', "import { methodNames } from '../../src/shared/contract';", true],
    ['electron/preload/x.ts', "import { z } from 'zod';", true],
    ['electron/preload/x.ts', "import { readFile } from 'node:fs';", true],
    ['electron/preload/x.ts', "import { methodNames } from '../../src/shared/contract-methods';", false],
    ['electron/preload/x.ts', "import { ipcRenderer } from 'electron';", false],
    ['electron/main/x.ts', "import { Backend } from '../../src/services/backend';", false],
    ['electron/main/x.ts', "import App from '../../src/renderer/App.svelte';", true],
    ['electron/main/x.ts', "const preload = import('../preload/index');", true],
  ];
  for (const [file, code, forbidden] of cases) {
    it(`${forbidden ? 'refuses' : 'allows'} ${code} in ${file}`, async () => {
      const problems = await layerProblems(file, `${code}\nexport {};\n`);
      expect(problems.length > 0, problems.join('\n')).toBe(forbidden);
    });
  }

  it('checks the imports of a Svelte component too', async () => {
    const component = (line: string) => `<script lang="ts">\n  ${line}\n  void contract;\n</script>\n`;
    const refused = await layerProblems('src/renderer/X.svelte', component("import { contract } from '../shared/contract';"));
    expect(refused).toEqual([expect.stringMatching(/may import only types from \.\.\/shared\/contract/)]);
    expect(
      await layerProblems('src/renderer/X.svelte', component("import type { contract } from '../shared/contract';")),
    ).toEqual([]);
  });
});

// The security rules must bite too: no HTML from strings, no code from strings, nothing opened outside the app.
describe('security lint rules', () => {
  async function ruleIds(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? []).map((message) => message.ruleId ?? `(fatal) ${message.message}`);
  }

  const cases: [string, string, string, string | undefined][] = [
    [
      '{@html} on pack text in a component',
      'src/renderer/components/Snippet.svelte',
      '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<p>{@html text}</p>\n',
      'svelte/no-at-html-tags',
    ],
    [
      'plain text in a component',
      'src/renderer/components/Snippet.svelte',
      '<script lang="ts">\n  let { text }: { text: string } = $props();\n</script>\n\n<p>{text}</p>\n',
      undefined,
    ],
    [
      'eval in a component',
      'src/renderer/components/Snippet.svelte',
      '<script lang="ts">\n  let { code }: { code: string } = $props();\n  const value = eval(code);\n</script>\n\n<p>{value}</p>\n',
      'no-eval',
    ],
    ['eval in a service', 'src/services/snippet.ts', "export const value: unknown = eval('1 + 1');\n", 'no-eval'],
    ['indirect eval', 'src/shared/snippet.ts', "export const value: unknown = (0, eval)('1 + 1');\n", 'no-eval'],
    ['new Function in the renderer', 'src/renderer/snippet.ts', "export const run = new Function('return 1');\n", 'no-new-func'],
    ['Function() in main', 'electron/main/snippet.ts', "export const run = Function('return 1');\n", 'no-new-func'],
    ['a string timer', 'src/shared/snippet.ts', "setTimeout('alert(1)', 10);\nexport {};\n", 'no-implied-eval'],
    ['a string interval', 'src/renderer/snippet.ts', 'window.setInterval("tick()", 10);\nexport {};\n', 'no-implied-eval'],
    ['a function timer', 'src/shared/snippet.ts', 'setTimeout(() => undefined, 10);\nexport {};\n', undefined],
    [
      'shell.openExternal in main',
      'electron/main/snippet.ts',
      "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n",
      'no-restricted-properties',
    ],
  ];
  for (const [name, file, code, rule] of cases) {
    it(`${rule ? `refuses ${name} (${rule})` : `allows ${name}`}`, async () => {
      const ids = await ruleIds(file, code);
      if (rule) expect(ids).toContain(rule);
      else expect(ids).toEqual([]);
    });
  }
});
