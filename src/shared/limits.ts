/**
 * Size limits on untrusted files, as plain constants so that the renderer can check them before
 * sending a file without bundling the schema library.
 */

/** Largest progress file accepted on import, in bytes. */
export const MAX_PROGRESS_FILE_BYTES = 20 * 1024 * 1024;
