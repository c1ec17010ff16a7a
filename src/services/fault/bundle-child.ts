/**
 * Bundles a child script (TypeScript, importing the services) into one plain JavaScript file with
 * Vite, so that the fault tests can start it many times with nothing but `node`: node built-ins stay
 * external, lowdb and zod are bundled in.
 */
import { builtinModules } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds `src/services/fault/<script>.ts` (or another script, by a path relative to that folder) into
 * `<outDir>/<name>.mjs` and returns that path.
 */
export async function bundleChild(script: string, outDir: string): Promise<string> {
  const fileName = `${basename(script)}.mjs`;
  await build({
    configFile: false,
    root: here,
    logLevel: 'silent',
    publicDir: false,
    envDir: false,
    define: { __APP_VERSION__: JSON.stringify('0.0.0-fault') },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: resolve(here, `${script}.ts`),
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external: [...builtinModules, /^node:/],
        output: { format: 'es', entryFileNames: fileName },
      },
    },
  });
  return join(outDir, fileName);
}
