/**
 * The one-file player (src/standalone/): built apart from the app into out/player/player.js and
 * player.css, which `export-html` inlines with a pack into one HTML file (src/services/packs/html-export.ts).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root: resolve(root, 'src/standalone'),
  plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
  define: { __APP_VERSION__: JSON.stringify(version) },
  publicDir: false,
  build: {
    outDir: resolve(root, 'out/player'),
    emptyOutDir: true,
    // One script and one style sheet, both inlined into the page: nothing may be fetched.
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    minify: true,
    modulePreload: false,
    rollupOptions: {
      input: resolve(root, 'src/standalone/main.ts'),
      output: { format: 'iife', entryFileNames: 'player.js', assetFileNames: 'player[extname]' },
    },
  },
});
