/**
 * The data folder is private to the account that runs the app: every folder in it is created 0700
 * and every file 0600, whatever the umask, so that on a shared computer another account can read
 * neither learners' progress, nor the class, nor the instructor's passphrase hash. A folder found
 * open to others (made by an earlier version, or copied in) is tightened at start-up.
 * POSIX permissions only: on Windows the folder is the user's own profile, private by its ACL.
 */
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

/** Options for `mkdir` that create private folders. */
export const PRIVATE_MKDIR = { recursive: true, mode: PRIVATE_FOLDER } as const;

/** Makes a file private (for a copy, which takes its source's mode). */
export async function makeFilePrivate(path: string): Promise<void> {
  if (process.platform !== 'win32') await chmod(path, PRIVATE_FILE);
}

/**
 * Takes every permission for others (group and world) off the folder and everything in it; the
 * paths that had some, relative to the folder ('' for the folder itself). Symbolic links are left
 * alone and not followed.
 */
export async function tightenFolder(folder: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const opened: string[] = [];
  const visit = async (path: string, relative: string): Promise<void> => {
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (info.isSymbolicLink()) return;
    if ((info.mode & 0o077) !== 0) {
      await chmod(path, info.mode & (info.isDirectory() ? PRIVATE_FOLDER : PRIVATE_FILE));
      opened.push(relative);
    }
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name), relative === '' ? name : join(relative, name));
    }
  };
  await visit(folder, '');
  return opened;
}
