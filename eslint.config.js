// Lint, including which layer may import what (see ARCHITECTURE.md, "Layers"): an allow-list per
// folder, checked on every way a module can be loaded (`import`, `import()`, `export ... from`).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const root = import.meta.dirname;

/**
 * The layers and what each may import; anything else is refused. An entry of `may` is a layer, `node`
 * (the built-ins), `electron`, `packages` (from npm), or one module (a path from the repository root,
 * without its extension). `typesOnly`: modules this layer may take types from but never values, with
 * `import type` or `export type` (an inline `import { type X }` still loads the module).
 */
const LAYERS = [
  { name: 'shared', folders: ['src/shared'], may: ['shared', 'packages'] },
  {
    name: 'services',
    folders: ['src/services', 'src/web', 'src/cli', 'src/bench'],
    // The bench finds an Electron binary the way `npm start` and the e2e project do.
    may: ['services', 'shared', 'node', 'packages', 'scripts/electron-binary'],
  },
  {
    name: 'renderer',
    folders: ['src/renderer'],
    may: ['renderer', 'shared', 'packages'],
    // The renderer never bundles the schema library: it gets checked data from the backend. Nor the
    // exercise types' reporting half (answer key, xAPI, pack checks), which only the backend uses.
    typesOnly: ['src/shared/contract', 'src/shared/pack/schema', 'zod', 'src/shared/exercises/reporting'],
  },
  {
    // The one-file player: the renderer's screens over a browser-side backend, built on its own into one HTML file.
    name: 'standalone',
    folders: ['src/standalone'],
    may: ['standalone', 'renderer', 'shared', 'packages'],
    typesOnly: ['src/shared/contract', 'src/shared/pack/schema', 'zod'],
  },
  {
    name: 'electron main',
    folders: ['electron/main'],
    may: ['electron main', 'services', 'shared', 'node', 'electron', 'packages'],
  },
  // The preload is bundled on its own into the sandbox: electron and the plain list of method names, nothing else.
  { name: 'preload', folders: ['electron/preload'], may: ['preload', 'electron', 'src/shared/contract-methods'] },
  // The packs that ship: data, imported by nothing but tests (the app reads them as untrusted files).
  { name: 'content', folders: ['exercises'], may: [] },
];
/**
 * Tests and their helpers (`testing/` folders) run under Node and never ship: whatever their layer, they
 * may also use Node, the services (to make real files) and the shipped packs.
 */
const TEST_MAY = ['node', 'services', 'content'];

function layerOf(path) {
  return LAYERS.find((layer) => layer.folders.some((folder) => path === folder || path.startsWith(`${folder}/`)));
}

/** What a specifier names: its layer (or `node`, `electron`, `packages`) and the module, as `may` spells them. */
function targetOf(specifier, fromFile) {
  const bare = specifier.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const path = relative(root, resolve(dirname(fromFile), bare))
      .replaceAll('\\', '/')
      .replace(/\.(ts|js|mjs|svelte)$/, '');
    return { kind: layerOf(path)?.name ?? 'outside the layers', module: path };
  }
  const [scope, name] = bare.split('/');
  const packageName = scope.startsWith('@') ? `${scope}/${name}` : scope;
  if (packageName === 'electron') return { kind: 'electron', module: 'electron' };
  if (bare.startsWith('node:') || builtinModules.includes(packageName)) return { kind: 'node', module: bare };
  return { kind: 'packages', module: packageName };
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list in eslint.config.js names.' },
    schema: [],
  },
  create(context) {
    const file = relative(root, context.filename).replaceAll('\\', '/');
    const layer = layerOf(file);
    if (!layer) return {};
    const may = /\.test\.ts$|\/testing\//.test(file) ? [...layer.may, ...TEST_MAY] : layer.may;
    const check = (node, source, typeOnly) => {
      const specifier =
        source.type === 'Literal' && typeof source.value === 'string'
          ? source.value
          : source.type === 'TemplateLiteral' && source.expressions.length === 0
            ? source.quasis[0].value.cooked
            : undefined;
      if (specifier === undefined) {
        context.report({ node, message: `${layer.name}: import() of a computed name cannot be checked against the layers.` });
        return;
      }
      const { kind, module } = targetOf(specifier, context.filename);
      if (layer.typesOnly?.includes(module)) {
        if (!typeOnly) {
          context.report({
            node,
            message: `${layer.name} may import only types from ${specifier}: use \`import type\` (or \`export type\`).`,
          });
        }
        return;
      }
      if (!may.includes(kind) && !may.includes(module)) {
        context.report({
          node,
          message: `${layer.name} may not import ${specifier} (${kind}); it may import: ${may.join(', ')}. See ARCHITECTURE.md, "Layers".`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
    };
  },
};

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
  { files: ['src/renderer/**', 'src/standalone/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'The app opens nothing outside itself (docs/security.md).' },
      ],
    },
  },
);
