/**
 * Size limits on untrusted files, as plain constants so that the renderer can check them before
 * sending a file without bundling the schema library.
 */

/** Largest progress file accepted on import, in bytes. */
export const MAX_PROGRESS_FILE_BYTES = 20 * 1024 * 1024;

/** Largest pack file accepted on import, in bytes (the same cap as `MAX_PACK_BYTES` in the pack schema). */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Longest text the import call takes for one pack file. A file over `MAX_PACK_FILE_BYTES` but under
 * this reaches the backend, which refuses that file by name and imports the rest of its batch; only a
 * longer one refuses the whole call (the cap on progress files, which come in batches too).
 */
export const MAX_PACK_IMPORT_CHARS = 4 * MAX_PACK_FILE_BYTES;

/** Largest article file (.txt, .md, .html) the studio reads, in bytes: a saved web page with its markup. */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted in a pack or a draft's pack; a real pack needs about eight levels. */
export const MAX_PACK_DEPTH = 64;
