/**
 * The one check a name must pass before it becomes a path: `insideDir(dir, name)` gives the path of
 * `name` directly inside `dir`, or undefined when the name could land anywhere else or mean something
 * else on some system. Names from packs, progress files and the UI are validated ids first (learner
 * and draft ids are UUIDs, pack ids `[a-z0-9-]`); this is the last line, where the path is made.
 *
 * Refused: an empty name, `.` and `..`, separators (`/`, and `\` which is one on Windows), NUL and
 * other control characters, `:` (a drive letter, or an NTFS alternate stream), a trailing dot or space
 * (Windows drops them, so two names would mean one file), names Windows keeps for devices (`con`,
 * `nul`, `com1` … with any extension), characters that look like a slash or a dot, and anything whose
 * compatibility form (NFKC, what some file systems and Windows' "best fit" conversion turn it into)
 * would be refused, such as a full-width solidus or `．．`. Names longer than 255 UTF-8 bytes are refused.
 */
import { basename, dirname, resolve, sep } from 'node:path';

/** Characters that read as a slash, a backslash or a dot without being one. */
const LOOK_ALIKES = /[\u2215\u2044\u29f8\u29f9\u29f5\u29f6\u29f7\ufe68\uff0f\uff3c\u2216\u2024\u2025\u2026\uff0e\u3002\ufe52]/u;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/u;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
const MAX_NAME_BYTES = 255;

/** Whether `name` is one plain file name, safe to put in a folder on any system. */
export function isSafeFileName(name: unknown): name is string {
  if (typeof name !== 'string' || name === '' || Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return false;
  if (LOOK_ALIKES.test(name)) return false;
  for (const form of new Set([name, name.normalize('NFKC')])) {
    if (form === '.' || form === '..' || FORBIDDEN.test(form) || /[. ]$/.test(form) || WINDOWS_DEVICE.test(form)) return false;
  }
  return true;
}

/** The path of `name` directly inside `dir`, or undefined if it would be anywhere else (or is not a safe name). */
export function insideDir(dir: string, name: string): string | undefined {
  if (!isSafeFileName(name)) return undefined;
  const folder = resolve(dir);
  const path = resolve(folder, name);
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix) && dirname(path) === folder && basename(path) === name ? path : undefined;
}
