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
