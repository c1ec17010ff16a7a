/**
 * Size limits on untrusted files, as plain constants so that the renderer can check them before
 * sending a file without bundling the schema library.
 */

/** Largest progress file accepted on import, in bytes. */
export const MAX_PROGRESS_FILE_BYTES = 20 * 1024 * 1024;

/** Largest pack file accepted on import, in bytes (the same cap as `MAX_PACK_BYTES` in the pack schema). */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;

/** Largest article file (.txt, .md, .html) the studio reads, in bytes: a saved web page with its markup. */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted in a pack or a draft's pack; a real pack needs about eight levels. */
export const MAX_PACK_DEPTH = 64;
