/**
 * A library that only some calls need (the zip of an export, a CSV report), loaded at its first use
 * rather than when the backend starts: browser mode's backend loads beside the browser opening the
 * page, and every module it evaluates then takes a core from the page (start-up,
 * docs/performance.md, fifth round). `require` keeps the callers synchronous; both libraries ship a
 * CommonJS build.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export function loadLater<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}

/** fflate, for the zips: the class report's CSV tables and a pack's SCORM package. */
export const fflate = loadLater<typeof import('fflate')>('fflate');
