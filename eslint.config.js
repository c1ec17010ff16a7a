// Lint, including the direction of imports between layers (see ARCHITECTURE.md, "Layers"):
//   shared   <- services, web, cli <- electron main      (Node side)
//   shared   <- renderer                                (browser side)
//   electron/preload imports only `electron` and shared code.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = { paths: builtinModules.map((name) => ({ name, message: 'Node built-ins belong in services.' })) };
const rule = (regex, message) => ({ regex, message });
const NODE = rule('^node:', 'Node built-ins belong in services (src/services), not here.');
const ELECTRON = rule('^electron($|/)', 'Only electron/ (main and preload) may import electron.');
const SERVICES = rule('(^|/)(services|web|cli|bench)(/|$)', 'This layer may not reach into the Node services.');
const RENDERER = rule('(^|/)renderer(/|$)', 'Only the renderer imports the renderer.');
const ELECTRON_DIR = rule(
  '(^|/)electron/(main|preload)(/|$)|^\\.\\./(main|preload)(/|$)',
  'The Electron glue is imported by nobody.',
);

const restrict = (patterns, paths = { paths: [] }) => ['error', { ...paths, patterns }];

export default ts.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'exercises/**', 'bin/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // No code from strings, anywhere (docs/security.md): eval, new Function, and setTimeout('code').
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    // Untrusted text (packs, progress files) is rendered as text, never as HTML.
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
  { files: ['src/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([NODE, ELECTRON, SERVICES, RENDERER, ELECTRON_DIR], nodeBuiltins) },
  },
  {
    files: ['src/services/**', 'src/web/**', 'src/cli/**', 'src/bench/**'],
    rules: { 'no-restricted-imports': restrict([ELECTRON, RENDERER, ELECTRON_DIR]) },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': restrict([NODE, ELECTRON, SERVICES, ELECTRON_DIR], nodeBuiltins) },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': restrict([RENDERER, rule('(^|/)preload(/|$)', 'Main does not import the preload.')]),
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'The app opens nothing outside itself (docs/security.md).' },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        [NODE, SERVICES, RENDERER, rule('(^|/)main(/|$)', 'The preload does not import main.')],
        nodeBuiltins,
      ),
    },
  },
);
