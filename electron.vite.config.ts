import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Puts the app's Content-Security-Policy into the built index.html (the dev server injects inline code, so only at build). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'sourcewise-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      // Bundled, not loaded from node_modules at run time: Node's module loader costs about 1 ms for each of
      // zod's hundred-odd files, on the path from start to the first answer (docs/performance.md).
      externalizeDeps: { exclude: ['zod', 'lowdb', 'steno', 'ts-fsrs', 'simple-statistics'] },
      rollupOptions: {
        // The desktop shell, browser mode, the command line and the bench share the services they bundle.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'src/web/main.ts'),
          cli: resolve(root, 'src/cli/main.ts'),
          bench: resolve(root, 'src/bench/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') }), contentSecurityPolicy()],
    build: {
      // Nothing inline: the CSP forbids it.
      assetsInlineLimit: 0,
      minify: true,
      rollupOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
