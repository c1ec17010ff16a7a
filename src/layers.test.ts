// The layer rules in eslint.config.js must actually bite: lint a forbidden import in each layer.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import direction between layers', () => {
  const cases: [string, string, boolean][] = [
    ['src/shared/x.ts', "import { readFile } from 'node:fs';", true],
    ['src/shared/x.ts', "import { readFile } from 'fs';", true],
    ['src/shared/x.ts', "import { Backend } from '../services/backend';", true],
    ['src/shared/x.ts', "import { z } from 'zod';", false],
    ['src/services/x.ts', "import { app } from 'electron';", true],
    ['src/services/x.ts', "import { backend } from '../renderer/lib/backend';", true],
    ['src/services/x.ts', "import { readFile } from 'node:fs';", false],
    ['src/renderer/x.ts', "import { readFile } from 'node:fs';", true],
    ['src/renderer/x.ts', "import { Backend } from '../services/backend';", true],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';", true],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract';", false],
    ['electron/preload/x.ts', "import { Backend } from '../../src/services/backend';", true],
    ['electron/main/x.ts', "import { Backend } from '../../src/services/backend';", false],
    ['electron/main/x.ts', "import App from '../../src/renderer/App.svelte';", true],
  ];
  for (const [file, code, forbidden] of cases) {
    it(`${forbidden ? 'refuses' : 'allows'} ${code} in ${file}`, async () => {
      const messages = await restrictedImports(file, `${code}\nexport {};\n`);
      expect(messages.length > 0).toBe(forbidden);
    });
  }
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
